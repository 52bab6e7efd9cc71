//! A bounded load test on loopback: 8 clients send 1,600 requests in all (valid questions,
//! pages and malformed requests mixed) to a real server socket; every answer must arrive with
//! the expected status, none may fail or be a 5xx, and the run stops by itself.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// One HTTP/1.1 request on its own connection; the status code of the answer.
fn request(addr: SocketAddr, path: &str) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    let head = String::from_utf8_lossy(&answer[..answer.len().min(64)]).to_string();
    head.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in `{head}`")))
}

#[test]
fn a_bounded_load_on_loopback_completes_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let readers = common::readers(&common::store(dir.path()));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, newsgraph_server::router(readers)).await.unwrap();
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    let mix: &[(&str, u16)] = &[
        ("/api/search?q=nile", 200),
        ("/api/quotes?speaker=Amina%20Farouk", 200),
        ("/api/claims?source_kind=anonymous&about=china", 200),
        ("/api/events?actor1=EGY&actor2=ETH", 200),
        ("/api/top/speakers", 200),
        ("/api/people/Amina%20Farouk", 200),
        ("/article/nile-1", 200),
        ("/network", 200),
        ("/api/search?q=x&limit=abc", 400),
        ("/api/nowhere", 404),
    ];
    let started = Instant::now();
    let clients: Vec<_> = (0..8)
        .map(|c| {
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..200 {
                    let (path, expected) = mix[(c + i) % mix.len()];
                    match request(addr, path) {
                        Ok(status) if status == expected => {}
                        other => failures.push(format!("{path}: {other:?}")),
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = clients.into_iter().flat_map(|c| c.join().unwrap()).collect();
    let elapsed = started.elapsed();
    assert!(
        failures.is_empty(),
        "{} of 1600 requests failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    eprintln!("1600 requests in {elapsed:?} ({:.0} requests/s)", 1600.0 / elapsed.as_secs_f64());
}
