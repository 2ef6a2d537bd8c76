//! The runtime's own tests (`src/runtime/`): the order tasks run in, the order equal
//! deadlines fire in, the edges (a wake from another thread, a dropped handle, a panicking
//! task, a waker used after its task ended, a stale waker or handle whose slot holds another
//! task now), and 100 000 tasks.

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::panic::{AssertUnwindSafe, catch_unwind};

use futures::FutureExt;
use std::rc::Rc;
use std::sync::mpsc;
use std::task::{Poll, Waker};
use std::time::{Duration, Instant};

use examples_handmade::runtime::{block_on, sleep, sleep_until, spawn, spawn_blocking, yield_now};

/// A log the tasks of one test write to (`Rc`: the tasks need not be `Send`).
fn log() -> Rc<RefCell<Vec<String>>> {
    Rc::default()
}

#[test]
fn tasks_run_in_the_order_they_are_woken() {
    let seen = log();
    block_on(async {
        let handles: Vec<_> = (0..3)
            .map(|i| {
                let seen = seen.clone();
                spawn(async move {
                    seen.borrow_mut().push(format!("{i} starts"));
                    yield_now().await;
                    seen.borrow_mut().push(format!("{i} ends"));
                })
            })
            .collect();
        // Nothing runs until this future gives the loop its turn.
        assert!(seen.borrow().is_empty());
        for handle in handles {
            handle.await;
        }
    });
    let expected = [
        "0 starts", "1 starts", "2 starts", "0 ends", "1 ends", "2 ends",
    ];
    assert_eq!(*seen.borrow(), expected);
}

#[test]
fn equal_deadlines_fire_in_the_order_they_were_set() {
    let seen = log();
    block_on(async {
        let deadline = Instant::now() + Duration::from_millis(20);
        let handles: Vec<_> = [3, 1, 4, 1, 5]
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                let seen = seen.clone();
                spawn(async move {
                    // The earlier the sleep, the sooner: 5 ms before the others for n == 1.
                    let at = if n == 1 {
                        deadline - Duration::from_millis(5)
                    } else {
                        deadline
                    };
                    sleep_until(at).await;
                    seen.borrow_mut().push(format!("{i}:{n}"));
                })
            })
            .collect();
        for handle in handles {
            handle.await;
        }
        assert!(Instant::now() >= deadline, "no sleep ends early");
    });
    assert_eq!(*seen.borrow(), ["1:1", "3:1", "0:3", "2:4", "4:5"]);
}

#[test]
fn a_wake_from_another_thread_ends_the_loops_sleep() {
    let started = Instant::now();
    let value = block_on(async {
        // The loop has nothing else to do and no timer: it sleeps in the poller until the
        // thread's wake notifies it.
        spawn_blocking(|| {
            std::thread::sleep(Duration::from_millis(50));
            42
        })
        .await
    });
    assert_eq!(value, 42);
    assert!(started.elapsed() >= Duration::from_millis(50));
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the wake was lost"
    );
}

#[test]
fn a_waker_sent_to_a_plain_thread_wakes_its_task() {
    let (sender, receiver) = mpsc::channel::<Waker>();
    let thread = std::thread::spawn(move || {
        let waker = receiver.recv().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        waker.wake();
    });
    let mut sent = Some(sender);
    let polls = block_on(std::future::poll_fn(|cx| {
        // First poll: give the waker to the thread and wait; second: woken, done.
        match sent.take() {
            Some(sender) => {
                sender.send(cx.waker().clone()).unwrap();
                std::task::Poll::Pending
            }
            None => std::task::Poll::Ready(2),
        }
    }));
    assert_eq!(polls, 2);
    thread.join().unwrap();
}

#[test]
fn a_dropped_handle_detaches_the_task_and_cancel_stops_it() {
    let seen = log();
    block_on(async {
        let detached = seen.clone();
        drop(spawn(async move {
            sleep(Duration::from_millis(10)).await;
            detached
                .borrow_mut()
                .push("detached ran to the end".to_string());
        }));
        let cancelled = seen.clone();
        let handle = spawn(async move {
            sleep(Duration::from_millis(10)).await;
            cancelled
                .borrow_mut()
                .push("cancelled ran to the end".to_string());
        });
        yield_now().await; // Both tasks start and sleep.
        assert_eq!(handle.cancel(), None);
        sleep(Duration::from_millis(50)).await;
    });
    assert_eq!(*seen.borrow(), ["detached ran to the end"]);
}

#[test]
fn a_panicking_task_surfaces_where_its_handle_is_awaited_and_the_loop_goes_on() {
    let seen = log();
    block_on(async {
        let other = seen.clone();
        let survivor = spawn(async move {
            sleep(Duration::from_millis(20)).await;
            other.borrow_mut().push("the other task ran on".to_string());
        });
        let panicking = spawn(async {
            yield_now().await;
            panic!("boom");
        });
        // Awaited through futures' catch_unwind, so that this test can catch the panic.
        let caught = AssertUnwindSafe(panicking).catch_unwind().await;
        let message = *caught.unwrap_err().downcast::<&str>().unwrap();
        seen.borrow_mut().push(format!("caught {message:?}"));
        survivor.await;
    });
    assert_eq!(*seen.borrow(), ["caught \"boom\"", "the other task ran on"]);
}

#[test]
fn a_waker_used_after_its_task_ended_is_ignored() {
    let kept: Rc<RefCell<Option<Waker>>> = Rc::default();
    let seen = log();
    block_on(async {
        let keep = kept.clone();
        spawn(std::future::poll_fn(move |cx| {
            *keep.borrow_mut() = Some(cx.waker().clone());
            std::task::Poll::Ready(())
        }))
        .await;
        // The task has ended; its waker still exists. Waking it queues a stale id.
        kept.borrow().as_ref().unwrap().wake_by_ref();
        let after = seen.clone();
        spawn(async move { after.borrow_mut().push("a later task runs".to_string()) }).await;
    });
    assert_eq!(*seen.borrow(), ["a later task runs"]);
}

#[test]
fn a_stale_waker_does_not_poll_the_task_that_reuses_its_slot() {
    let kept: Rc<RefCell<Option<Waker>>> = Rc::default();
    let polls = Rc::new(Cell::new(0));
    block_on(async {
        // The first task ends at its first poll; its waker outlives it. Awaiting the handle
        // takes the output and frees the task's slot.
        let keep = kept.clone();
        spawn(poll_fn(move |cx| {
            *keep.borrow_mut() = Some(cx.waker().clone());
            Poll::Ready(())
        }))
        .await;
        // The next task takes that slot (the last freed is reused first) and waits, never
        // woken by a waker of its own.
        let counted = polls.clone();
        let waiting = spawn(poll_fn(move |_| {
            counted.set(counted.get() + 1);
            Poll::<()>::Pending
        }));
        yield_now().await;
        assert_eq!(polls.get(), 1, "polled once, when spawned");
        // The old waker names the same slot, with the generation before: it is ignored.
        kept.borrow().as_ref().unwrap().wake_by_ref();
        yield_now().await;
        yield_now().await;
        assert_eq!(polls.get(), 1, "the stale wake polled the slot's new task");
        assert_eq!(waiting.cancel(), None);
    });
}

#[test]
fn a_handle_kept_from_an_earlier_block_on_does_not_touch_a_later_task() {
    // The task is dropped when its block_on ends; its handle is kept (returned, not awaited).
    #[expect(
        clippy::async_yields_async,
        reason = "the handle outlives its block_on"
    )]
    let old = block_on(async { spawn(std::future::pending::<()>()) });
    let value = block_on(async {
        // This task takes the old task's slot, one generation later.
        let new = spawn(async {
            yield_now().await;
            7
        });
        assert_eq!(old.cancel(), None, "the old task is gone already");
        new.await
    });
    assert_eq!(value, 7);
}

#[test]
fn a_hundred_thousand_tasks_sleep_at_the_same_time() {
    let started = Instant::now();
    let done = block_on(async {
        let handles: Vec<_> = (0..100_000u32)
            .map(|i| {
                spawn(async move {
                    sleep(Duration::from_millis(100)).await;
                    i
                })
            })
            .collect();
        let mut sum = 0u64;
        for handle in handles {
            sum += u64::from(handle.await);
        }
        sum
    });
    assert_eq!(done, (0..100_000u64).sum::<u64>());
    // Concurrent: far less than 100 000 × 100 ms, generous for a loaded machine.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn block_on_inside_block_on_is_refused() {
    let nested = catch_unwind(|| block_on(async { block_on(async {}) }));
    assert!(nested.is_err());
    // The loop is usable again afterwards.
    assert_eq!(block_on(async { 7 }), 7);
}
