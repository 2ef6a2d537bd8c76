//! # get_running_loop: `asyncio.get_running_loop()` under async-std
//!
//! async-std has no loop to ask for: `async_std::task::spawn` always puts the task on the
//! one global executor, which starts on first use, inside `block_on` or not.
//!
//! ```text
//! cargo run -p examples-async-std --example get_running_loop
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = "1"
//! ```
//!
//! Differences from the Python form: the first two lines say that there is no loop to get
//! (`outside: ...`, `inside: ...`): async-std has no `get_running_loop`.

use async_std::task;

async fn greet() -> &'static str {
    "hello"
}

fn main() {
    // Outside: nothing to ask for; task::spawn would work here too.
    println!("outside: async-std has no current loop to ask for");
    task::block_on(async {
        println!("inside: the loop is the global executor task::spawn uses");
        // `loop.create_task(...)`: spawn and await its JoinHandle.
        let said = task::spawn(greet()).await;
        println!("a task spawned through it said: {said}");
    });
}
