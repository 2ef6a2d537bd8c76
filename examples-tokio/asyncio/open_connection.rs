//! # open_connection: `asyncio.start_server` and `asyncio.open_connection` under tokio
//!
//! `TcpListener::bind` and a task that accepts is `start_server`; `TcpStream::connect` is
//! `open_connection`, split into a buffered reader and a writer. Loopback only.
//!
//! ```text
//! cargo run -p examples-tokio --example open_connection
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["io-util", "macros", "net", "rt-multi-thread"] }
//! ```
//!
//! Differences from the Python form: none.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// The server's handler: read a line, answer it in upper case, close.
async fn handle(stream: TcpStream) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut line = String::new();
    BufReader::new(reader).read_line(&mut line).await?;
    println!("server got: {}", line.trim());
    writer.write_all(line.to_uppercase().as_bytes()).await?;
    writer.shutdown().await
}

#[tokio::main]
async fn main() -> io::Result<()> {
    // start_server on port 0: the system picks a free port.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let server = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(handle(stream));
        }
    });
    // open_connection: write a line, read the answer.
    let (reader, mut writer) = TcpStream::connect(("127.0.0.1", port)).await?.into_split();
    writer.write_all(b"hello\n").await?;
    let mut answer = String::new();
    BufReader::new(reader).read_line(&mut answer).await?;
    println!("client got: {}", answer.trim());
    // server.close(): stop accepting (the listener is dropped with the task).
    server.abort();
    let _ = server.await;
    println!("server closed");
    Ok(())
}
