//! # get_running_loop: `asyncio.get_running_loop()` under smol
//!
//! smol has no current loop to ask for. `smol::spawn` puts a task on the global executor
//! from anywhere, inside `block_on` or not; a program that wants its own loop makes a
//! `smol::Executor`, runs it, and passes it (`&Executor`) to the code that spawns.
//!
//! ```text
//! cargo run -p examples-smol --example get_running_loop
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: the first two lines say that there is no loop to get
//! (`outside: ...`, `inside: ...`): smol has no `get_running_loop`.

use smol::Executor;

async fn greet() -> &'static str {
    "hello"
}

fn main() {
    // Outside: nothing to ask for; smol::spawn would work here too.
    println!("outside: smol has no current loop to ask for");
    // Your own loop: an Executor, run by block_on until main's future ends.
    let executor = Executor::new();
    smol::block_on(executor.run(async {
        println!("inside: the loop is the Executor main passes down");
        // `loop.create_task(...)`: spawn on that executor and await its Task.
        let said = executor.spawn(greet()).await;
        println!("a task spawned through it said: {said}");
    }));
}
