//! # open_connection: `asyncio.start_server` and `asyncio.open_connection` under async-std
//!
//! `TcpListener::bind` and a task that accepts is `start_server`; `TcpStream::connect` is
//! `open_connection` (an async-std `TcpStream` is `Clone`: one clone reads, one writes).
//! Loopback only. `JoinHandle::cancel().await` on the accepting task is `server.close()`.
//!
//! ```text
//! cargo run -p examples-async-std --example open_connection
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Differences from the Python form: none.

use std::net::Shutdown;

use async_std::io::{self, BufReader, prelude::*};
use async_std::net::{TcpListener, TcpStream};
use async_std::task;

/// The server's handler: read a line, answer it in upper case, close.
async fn handle(mut stream: TcpStream) -> io::Result<()> {
    let mut line = String::new();
    BufReader::new(stream.clone()).read_line(&mut line).await?;
    println!("server got: {}", line.trim());
    stream.write_all(line.to_uppercase().as_bytes()).await?;
    stream.shutdown(Shutdown::Write)
}

#[async_std::main]
async fn main() -> io::Result<()> {
    // start_server on port 0: the system picks a free port.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let server = task::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            task::spawn(handle(stream));
        }
    });
    // open_connection: write a line, read the answer.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.write_all(b"hello\n").await?;
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).await?;
    println!("client got: {}", answer.trim());
    // server.close(): cancel the accepting task (the listener is dropped with it).
    server.cancel().await;
    println!("server closed");
    Ok(())
}
