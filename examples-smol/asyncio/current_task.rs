//! # current_task: `asyncio.current_task()` under smol
//!
//! smol has no `current_task()`: a smol task has neither a name nor an id it can ask for,
//! and `block_on` runs main's future on the calling thread, not as a task. What a task must
//! know about itself is passed in when it is spawned.
//!
//! ```text
//! cargo run -p examples-smol --example current_task
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: main is not a task (`runs as a task: False`), and no
//! task can look itself up (`worker: smol has no current_task()`); the name is passed in.

async fn worker(name: &'static str) {
    println!("worker: my name is {name}");
}

fn main() {
    smol::block_on(async {
        // block_on polls main's future on this thread: no task runs it.
        println!("main: runs as a task: False");
        smol::spawn(worker("worker-1")).await;
        println!("worker: smol has no current_task()");
    });
}
