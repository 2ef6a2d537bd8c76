//! The task table: a slab, where the executor keeps every task from [`spawn`](super::spawn)
//! until its handle has taken its output.
//!
//! A slab is a `Vec` of slots and a list of the free ones. A new task takes a free slot (or a
//! new one at the end), and its index in the `Vec` is its name: finding a task is indexing,
//! with no hashing and no allocation per task beyond the slot. A slot freed (the task ended
//! and its output was taken, or it was cancelled) is reused by the next task spawned.
//!
//! Reuse is why an [`Id`] is the index *and a generation*: the slot counts the tasks it held.
//! A waker can outlive its task (a timer entry, a waker kept by a channel), and so can a
//! handle; their id names the slot as it was. When the slot holds a later task, the
//! generations differ, [`Tasks::get`] answers `None`, and the old waker or handle never
//! touches the new task: its wake is ignored, as a stale wake.

use std::any::Any;
use std::task::Waker;

use super::executor::Task;

/// How a task ended: its output, or the panic that stopped it.
pub(super) type Outcome = Result<Box<dyn Any>, Box<dyn Any + Send>>;

/// A task's name: the index of its slot, and the slot's generation when the task got it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Id {
    index: u32,
    generation: u32,
}

// ANCHOR: slot
/// Where a task is in its life.
pub(super) enum Stage {
    /// No task: the slot is free.
    Free,
    /// Not ended yet: its future, `None` while it is polled (out of the table, since the
    /// task may spawn, which grows the table).
    Running(Option<Task>),
    /// Ended: its outcome waits for its handle.
    Ended(Outcome),
}

/// One slot of the table: a task, and what its [`JoinHandle`](super::JoinHandle) needs.
pub(super) struct Slot {
    /// How many times the slot was freed: an `Id` of an earlier task no longer matches.
    generation: u32,
    pub(super) stage: Stage,
    /// Whether the task's handle still exists (else the outcome is dropped when it ends).
    pub(super) handle: bool,
    /// The waker of the task that awaits the handle.
    pub(super) waiter: Option<Waker>,
}

/// The slab: the slots, and the indices of the free ones (the last freed is reused first).
#[derive(Default)]
pub(super) struct Tasks {
    slots: Vec<Slot>,
    free: Vec<u32>,
}
// ANCHOR_END: slot

impl Slot {
    /// Whether the task has ended (its outcome waits for the handle).
    pub(super) fn is_ended(&self) -> bool {
        matches!(self.stage, Stage::Ended(_))
    }
}

impl Tasks {
    /// Puts `task` in a free slot (or a new one) and returns its id.
    pub(super) fn insert(&mut self, task: Task) -> Id {
        let index = self.free.pop().unwrap_or_else(|| {
            self.slots.push(Slot {
                generation: 0,
                stage: Stage::Free,
                handle: false,
                waiter: None,
            });
            (self.slots.len() - 1) as u32
        });
        let slot = &mut self.slots[index as usize];
        slot.stage = Stage::Running(Some(task));
        slot.handle = true;
        Id {
            index,
            generation: slot.generation,
        }
    }

    /// The slot of task `id`, or `None` if that task is gone (a stale id).
    pub(super) fn get(&mut self, id: Id) -> Option<&mut Slot> {
        let slot = self.slots.get_mut(id.index as usize)?;
        (slot.generation == id.generation).then_some(slot)
    }

    /// Takes task `id`'s future out of the table to poll it (`None`: the task has ended).
    pub(super) fn take_future(&mut self, id: Id) -> Option<Task> {
        match &mut self.get(id)?.stage {
            Stage::Running(future) => future.take(),
            _ => None,
        }
    }

    /// Frees the slot of task `id` and returns what it held: the caller drops it after its
    /// borrow of the table ends, since a future's or an output's drop code may spawn.
    pub(super) fn remove(&mut self, id: Id) -> Option<Stage> {
        let slot = self.get(id)?;
        // Wraps after 2³² tasks in one slot: an id kept that long would match again.
        slot.generation = slot.generation.wrapping_add(1);
        slot.waiter = None;
        let stage = std::mem::replace(&mut slot.stage, Stage::Free);
        self.free.push(id.index);
        Some(stage)
    }

    /// Frees every slot (the end of a `block_on`) and returns what they held. The
    /// generations stay: a handle kept from this `block_on` cannot name a task of the next.
    pub(super) fn clear(&mut self) -> Vec<Stage> {
        let ids: Vec<Id> = (self.slots.iter().enumerate())
            .filter(|(_, slot)| !matches!(slot.stage, Stage::Free))
            .map(|(index, slot)| Id {
                index: index as u32,
                generation: slot.generation,
            })
            .collect();
        ids.into_iter().filter_map(|id| self.remove(id)).collect()
    }
}
