//! # run: `asyncio.run(main())` in tokio: build a runtime, `block_on` main, drop the runtime
//!
//! `asyncio.run` starts an event loop, runs `main` to its end, cancels the tasks still running
//! and returns `main`'s value. In tokio `#[tokio::main]` writes exactly this for you: a
//! [`tokio::runtime::Runtime`], `block_on(main)`, and the runtime dropped at the end, which
//! drops the tasks still running (a task's cleanup lives in `Drop`, printed here). Like a
//! coroutine, `main()` alone runs nothing: a future does nothing until it is polled. The
//! current-thread runtime is asyncio's one loop on one thread.
//!
//! ```text
//! cargo run -p examples-tokio --example run
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/run.py` prints.

use std::time::Duration;

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

/// A task main never awaits: the runtime drops it when it shuts down.
async fn leftover() {
    let _guard = OnCancel("leftover");
    tokio::time::sleep(Duration::from_secs(10)).await;
}

async fn async_main() -> u32 {
    println!("main runs inside the event loop");
    tokio::spawn(leftover());
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!("main returns 42; a task is still sleeping");
    42
}

fn main() {
    // A future: nothing ran yet.
    let future = async_main();
    println!("main() made a coroutine; nothing ran yet");
    // The runtime runs main; dropped at the end of the block, it drops the leftover task.
    let result = {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a tokio runtime");
        runtime.block_on(future)
    };
    println!("asyncio.run returned {result}");
}
