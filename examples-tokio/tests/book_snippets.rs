//! The code blocks of the book's concept chapters (`book/src/select-and-streams.md`,
//! `book/src/channels.md`), compiled and run here: the chapters include them by anchor, so
//! what a reader sees is what this file tests. Each test pauses tokio's clock
//! (`start_paused`, current-thread runtime): the sleeps in the snippets then take no real
//! time, and the clock jumps to the next timer whenever every task waits.

use std::time::Duration;

use futures::StreamExt;
use futures::stream;
use tokio::sync::{mpsc, oneshot};

// ANCHOR: select_first
async fn next_line(lines: &mut mpsc::Receiver<String>) -> Option<String> {
    tokio::select! {
        line = lines.recv() => line,
        _ = tokio::time::sleep(Duration::from_secs(1)) => None, // a second of silence
    }
}
// ANCHOR_END: select_first

#[tokio::test(start_paused = true)]
async fn select_takes_the_first_branch_and_drops_the_other() {
    let (tx, mut lines) = mpsc::channel(1);
    // Nothing is sent: the second of silence wins, one (paused) second later.
    let start = tokio::time::Instant::now();
    assert_eq!(next_line(&mut lines).await, None);
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    // A message waiting: its branch wins at once.
    tx.send("hello".to_string()).await.unwrap();
    assert_eq!(next_line(&mut lines).await.as_deref(), Some("hello"));
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}

// ANCHOR: select_loop
async fn handle_for(time: Duration, rx: &mut mpsc::Receiver<u32>, mut handle: impl FnMut(u32)) {
    let deadline = tokio::time::sleep(time);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            biased;
            _ = &mut deadline => break,
            Some(msg) = rx.recv() => handle(msg),
        }
    }
}
// ANCHOR_END: select_loop

#[tokio::test(start_paused = true)]
async fn a_pinned_deadline_outlives_each_select_of_the_loop() {
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    // A message every second, for ten seconds: the five-second deadline ends the loop first.
    tokio::spawn(async move {
        for n in 0..10 {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if tx.send(n).await.is_err() {
                break;
            }
        }
    });
    let mut handled = Vec::new();
    let start = tokio::time::Instant::now();
    handle_for(Duration::from_secs(5), &mut rx, |msg| handled.push(msg)).await;
    // Messages at 1 s … 4 s were handled; the one at 5 s ties with the deadline, and
    // `biased;` polls the deadline first.
    assert_eq!(handled, [0, 1, 2, 3]);
    assert_eq!(start.elapsed(), Duration::from_secs(5));
}

/// Stands for an HTTP GET: a pause as long as the URL's number, then a "body".
async fn fetch(url: u64) -> String {
    tokio::time::sleep(Duration::from_secs(url)).await;
    format!("body of {url}")
}

// ANCHOR: buffer_unordered
async fn fetch_all(urls: Vec<u64>) -> Vec<String> {
    stream::iter(urls)
        .map(fetch)
        .buffer_unordered(4)
        .collect()
        .await
}
// ANCHOR_END: buffer_unordered

#[tokio::test(start_paused = true)]
async fn buffer_unordered_runs_at_most_n_at_once() {
    let start = tokio::time::Instant::now();
    let bodies = fetch_all(vec![3, 1, 2, 1, 1, 1]).await;
    // In completion order, not the input's; four at a time: 3 s in all, not 1 s (all at once)
    // nor 9 s (one by one).
    assert_eq!(bodies.len(), 6);
    assert_eq!(bodies[0], "body of 1");
    assert_eq!(bodies.last().unwrap(), "body of 3");
    assert_eq!(start.elapsed(), Duration::from_secs(3));
}

// ANCHOR: actor
enum Message {
    Add(u64),
    Get(oneshot::Sender<u64>),
}

async fn counter(mut inbox: mpsc::Receiver<Message>) {
    let mut total = 0;
    // The actor ends when every sender is dropped: the channel drains, then closes.
    while let Some(message) = inbox.recv().await {
        match message {
            Message::Add(n) => total += n,
            Message::Get(reply) => {
                let _ = reply.send(total);
            }
        }
    }
}
// ANCHOR_END: actor

#[tokio::test]
async fn the_actor_owns_its_state_and_answers_through_a_oneshot() {
    let (inbox, rx) = mpsc::channel(4);
    let actor = tokio::spawn(counter(rx));
    for n in 1..=10 {
        inbox.send(Message::Add(n)).await.unwrap();
    }
    let (reply, answer) = oneshot::channel();
    inbox.send(Message::Get(reply)).await.unwrap();
    assert_eq!(answer.await.unwrap(), 55);
    // Every sender dropped: the actor's loop ends.
    drop(inbox);
    actor.await.unwrap();
}
