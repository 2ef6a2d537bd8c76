//! # The loop behind the scenes: a whole async runtime, small enough to read in one sitting
//!
//! This folder is a runtime of its own, written for reading: std and the `polling` crate,
//! nothing else, no `unsafe`. Copy the folder into a project of yours (add
//! `polling = "2.8"` to its `Cargo.toml`) and `mod runtime;` runs every program of this crate.
//!
//! One idea per file, read in this order:
//! - [`executor`]: the loop. A FIFO queue of tasks that are ready to run, a `Waker` per task
//!   that puts the task back in the queue, [`block_on`] that runs the loop, [`spawn`].
//! - `tasks`: the table of tasks, a slab: a `Vec` of slots and a free list, a task's id being
//!   its slot's index and the slot's generation, so that a stale waker or handle never
//!   touches the task that reuses its slot.
//! - [`join`]: what [`spawn`] returns: a handle to await the task's value (or its panic),
//!   which the task leaves in its slot.
//! - [`timer`]: deadlines in a heap; the loop sleeps until the earliest one.
//! - [`reactor`]: sockets in non-blocking mode, and `polling` to learn when they are ready.
//! - [`blocking`]: [`spawn_blocking`], a closure on a thread of its own.
//!
//! Single-threaded, like asyncio's loop: every task runs on the thread that called
//! [`block_on`]. That buys simplicity, and tasks that need not be `Send` (an `Rc` or a
//! `RefCell` may live across an `.await`); it costs parallelism (two CPU-bound tasks take
//! turns on one core) and it means one blocking call stalls every task.

pub mod blocking;
pub mod executor;
pub mod join;
pub mod reactor;
mod tasks;
pub mod timer;

pub use blocking::spawn_blocking;
pub use executor::{block_on, spawn, yield_now};
pub use join::JoinHandle;
pub use reactor::TcpStream;
pub use timer::{Interval, interval_at, sleep, sleep_until};
