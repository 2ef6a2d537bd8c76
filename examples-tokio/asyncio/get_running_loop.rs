//! # get_running_loop: `asyncio.get_running_loop()` under tokio
//!
//! tokio's loop is the runtime, and `tokio::runtime::Handle` is its handle: `Handle::current()`
//! works only inside a runtime (outside it panics; `Handle::try_current()` returns `Err`), and
//! the handle spawns tasks onto that runtime, even from code that is not async.
//!
//! ```text
//! cargo run -p examples-tokio --example get_running_loop
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt-multi-thread"] }
//! ```
//!
//! Differences from the Python form: none.

use tokio::runtime::{Handle, Runtime};

async fn greet() -> &'static str {
    "hello"
}

fn main() {
    // Outside any runtime there is no handle to get.
    match Handle::try_current() {
        Ok(_) => println!("outside: a loop is running"),
        Err(_) => println!("outside: no running event loop"),
    }
    // `asyncio.run(main())` by hand: build the runtime and block on main's future.
    let runtime = Runtime::new().expect("a tokio runtime");
    runtime.block_on(async {
        // Inside, the handle of the runtime that polls this future.
        let handle = Handle::current();
        println!("inside: got the running loop");
        // `loop.create_task(...)`: spawn through the handle and await its JoinHandle.
        let said = handle.spawn(greet()).await.expect("greet does not panic");
        println!("a task spawned through it said: {said}");
    });
}
