//! # Fixed: `smol::LocalExecutor`, smol's single-threaded executor
//!
//! The same mistake as `rc_across_await.rs` happens with `smol::spawn` (its tasks go to a
//! thread pool, so it asks for `Send` too). smol's fix keeps the `Rc`: a `LocalExecutor`
//! runs its tasks on the thread that drives it, and its `spawn` takes futures that are not
//! `Send`. smol's timers work under any executor, so the task sleeps with `smol::Timer`.
//!
//! compiles: the fix of rc_across_await.rs

use std::rc::Rc;
use std::time::Duration;

fn main() {
    let local = smol::LocalExecutor::new();
    smol::block_on(local.run(async {
        // `LocalExecutor::spawn` asks for no `Send`: the task stays on this thread.
        let task = local.spawn(async {
            let name = Rc::new(String::from("shared name"));
            smol::Timer::after(Duration::from_millis(10)).await;
            println!("{name}");
        });
        task.await;
    }));
}
