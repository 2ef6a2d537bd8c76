//! # open_connection: `asyncio.start_server` and `asyncio.open_connection` under smol
//!
//! `TcpListener::bind` and a task that accepts is `start_server`; `TcpStream::connect` is
//! `open_connection` (a smol `TcpStream` is `Clone`: one clone reads, one writes). Loopback
//! only. The accepting task is kept: dropping it is `server.close()`.
//!
//! ```text
//! cargo run -p examples-smol --example open_connection
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::io;

use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::net::{TcpListener, TcpStream};

/// The server's handler: read a line, answer it in upper case, close.
async fn handle(mut stream: TcpStream) -> io::Result<()> {
    let mut line = String::new();
    BufReader::new(stream.clone()).read_line(&mut line).await?;
    println!("server got: {}", line.trim());
    stream.write_all(line.to_uppercase().as_bytes()).await?;
    stream.close().await
}

fn main() -> io::Result<()> {
    smol::block_on(async {
        // start_server on port 0: the system picks a free port.
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let server = smol::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                smol::spawn(handle(stream)).detach();
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
    })
}
