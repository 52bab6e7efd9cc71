//! End-to-end: the web page served on loopback and driven in headless Chromium through the
//! DevTools protocol, checking what a person would see: search results, the article with
//! its highlights, a person's page with a timeline chart, the network picture, and that
//! hostile stored text shows as text and never runs.
//!
//! Needs Debian's `chromium` (installed by `scripts/test-setup.sh`). Set
//! `NEWSGRAPH_SKIP_BROWSER_TESTS=1` to skip on purpose; otherwise a missing browser fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// A headless Chromium and one page of it, spoken to over the DevTools protocol.
struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch(binary: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--window-size=1200,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        // Chromium writes its DevTools port and browser path into the profile directory.
        let port_file = profile.path().join("DevToolsActivePort");
        let started = Instant::now();
        let endpoint = loop {
            if let Ok(s) = std::fs::read_to_string(&port_file) {
                let mut lines = s.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                    break format!("ws://127.0.0.1:{port}{path}");
                }
            }
            assert!(started.elapsed() < Duration::from_secs(30), "chromium did not open its DevTools port");
            std::thread::sleep(Duration::from_millis(50));
        };
        let (socket, _) = tungstenite::connect(endpoint.as_str()).expect("DevTools connection");
        let mut browser = Browser { child, socket, session: String::new(), next_id: 0, _profile: profile };
        let target = browser.call(None, "Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].as_str().unwrap().to_string();
        let attached =
            browser.call(None, "Target.attachToTarget", json!({"targetId": target_id, "flatten": true}));
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        let session = browser.session.clone();
        browser.call(Some(&session), "Page.enable", json!({}));
        browser
    }

    /// Send a command and wait for its answer (events met meanwhile are dropped).
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        match self.try_call(session, method, params) {
            Ok(result) => result,
            Err(reply) => panic!("{method} failed: {reply}"),
        }
    }

    /// Send a command and wait for its answer, or the error it got.
    fn try_call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        self.socket.send(Message::text(message.to_string())).unwrap();
        loop {
            let reply: Value = match self.socket.read().unwrap() {
                Message::Text(t) => serde_json::from_str(t.as_str()).unwrap(),
                _ => continue,
            };
            if reply["id"] == json!(id) {
                if reply.get("error").is_some() {
                    return Err(reply);
                }
                return Ok(reply["result"].clone());
            }
        }
    }

    /// Go to a URL and wait until the page has loaded.
    fn open(&mut self, url: &str) {
        let session = self.session.clone();
        self.call(Some(&session), "Page.navigate", json!({"url": url}));
        self.wait_loaded();
    }

    fn wait_loaded(&mut self) {
        let started = Instant::now();
        loop {
            // While the page is being replaced an evaluation can fail: ask again.
            let state = self.try_eval("document.readyState");
            let url = self.try_eval("location.href");
            if state.as_ref().is_some_and(|s| s == "complete")
                && url.as_ref().is_some_and(|u| u != "about:blank")
            {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "page did not load");
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Evaluate JavaScript in the page; `None` when the page went away meanwhile (a
    /// navigation under way).
    fn try_eval(&mut self, expression: &str) -> Option<Value> {
        let session = self.session.clone();
        let params = json!({"expression": expression, "returnByValue": true});
        match self.try_call(Some(&session), "Runtime.evaluate", params) {
            Ok(result) => Some(result["result"]["value"].clone()),
            Err(reply) => {
                let message = reply["error"]["message"].as_str().unwrap_or("");
                assert!(
                    message.contains("navigated or closed") || message.contains("context"),
                    "Runtime.evaluate failed: {reply}"
                );
                None
            }
        }
    }

    /// Evaluate JavaScript in the page and return its value.
    fn eval(&mut self, expression: &str) -> Value {
        let session = self.session.clone();
        let result = self.call(
            Some(&session),
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        result["result"]["value"].clone()
    }

    /// What a person sees: the rendered text of the page.
    fn visible_text(&mut self) -> String {
        self.eval("document.body.innerText").as_str().unwrap_or("").to_string()
    }

    /// Click the first element matching a CSS selector and wait for the next page.
    fn click(&mut self, selector: &str) {
        let before = self.eval("location.href");
        // The click runs after this evaluation has answered, so that the navigation it starts
        // cannot cut the answer off.
        let clicked = self.eval(&format!("(() => {{ const e = document.querySelector({selector:?}); if (!e) return false; setTimeout(() => e.click(), 0); return true; }})()"));
        assert_eq!(clicked, json!(true), "nothing to click at {selector}");
        let started = Instant::now();
        while self.try_eval("location.href").is_none_or(|href| href == before) {
            assert!(started.elapsed() < Duration::from_secs(20), "the click led nowhere");
            std::thread::sleep(Duration::from_millis(30));
        }
        self.wait_loaded();
    }

    /// Save a screenshot (for people looking at a failure; nothing is asserted on pixels).
    fn screenshot(&mut self, path: &Path) {
        let session = self.session.clone();
        let shot = self.call(Some(&session), "Page.captureScreenshot", json!({"format": "png"}));
        if let Some(data) = shot["data"].as_str() {
            let _ = std::fs::write(path, base64_decode(data));
        }
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = s.bytes().filter_map(value).collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().enumerate().fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

fn chromium() -> Option<std::path::PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

/// Serve the test store on a free loopback port, in the background of this test process.
fn serve(store: &Path) -> String {
    let readers = common::readers(store);
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
    format!("http://{}", rx.recv_timeout(Duration::from_secs(10)).unwrap())
}

#[test]
fn a_person_searches_reads_and_follows_links_in_chromium() {
    if std::env::var_os("NEWSGRAPH_SKIP_BROWSER_TESTS").is_some() {
        eprintln!("SKIPPED on request (NEWSGRAPH_SKIP_BROWSER_TESTS): browser end-to-end test");
        return;
    }
    let binary = chromium().expect(
        "chromium is not installed: run scripts/test-setup.sh (or set NEWSGRAPH_SKIP_BROWSER_TESTS=1)",
    );
    let dir = tempfile::tempdir().unwrap();
    let base = serve(&common::store(dir.path()));
    let mut browser = Browser::launch(&binary);
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));

    // The home page lists the most quoted person.
    browser.open(&format!("{base}/"));
    let text = browser.visible_text();
    assert!(text.contains("Most quoted people") && text.contains("Amina Farouk — 2 quotations"), "{text}");

    // A search shows matching articles with the matched word marked.
    browser.open(&format!("{base}/?q=accompli"));
    let text = browser.visible_text();
    assert!(text.contains("Egypt rejects Nile proposal"), "{text}");
    assert_eq!(browser.eval("document.querySelectorAll('.hit').length"), json!(1));
    assert_eq!(browser.eval("document.querySelector('.snippet mark').innerText"), json!("accompli"));

    // Following the result opens the article with its annotations highlighted.
    browser.click(".hit h3 a");
    browser.screenshot(&shots.join("article.png"));
    assert_eq!(browser.eval("document.querySelector('h1').innerText"), json!("Egypt rejects Nile proposal"));
    assert_eq!(
        browser.eval("document.querySelector('#text .quote').innerText"),
        json!("We will not accept a fait accompli")
    );
    let highlighted =
        browser.eval("getComputedStyle(document.querySelector('#text .quote')).backgroundColor");
    assert_ne!(highlighted, json!("rgba(0, 0, 0, 0)"), "a quotation is visibly highlighted");
    assert_eq!(browser.eval("document.querySelector('#text .event').innerText"), json!("rejected"));
    assert_eq!(browser.eval("document.querySelector('#text .claim.quote') !== null"), json!(true));
    let title = browser.eval("document.querySelector('#text .quote').title");
    assert!(title.as_str().unwrap().contains("quotation by Amina Farouk"), "{title}");
    let text = browser.visible_text();
    assert!(text.contains("China was willing to mediate") && text.contains("anonymous"), "{text}");

    // The speaker's name leads to her page: what she said, and a timeline chart.
    browser.click("#text .speaker a");
    browser.screenshot(&shots.join("person.png"));
    assert_eq!(browser.eval("document.querySelector('h1').innerText"), json!("Amina Farouk"));
    let text = browser.visible_text();
    assert!(
        text.contains("The talks were useful") && text.contains("We will not accept a fait accompli"),
        "{text}"
    );
    assert_eq!(browser.eval("document.querySelectorAll('figure.chart svg rect').length"), json!(4));

    // The network picture shows both actors, and a node leads to the actor page.
    browser.open(&format!("{base}/network"));
    browser.screenshot(&shots.join("network.png"));
    assert_eq!(browser.eval("document.querySelectorAll('svg circle').length"), json!(2));
    let text = browser.visible_text();
    assert!(text.contains("EGY") && text.contains("ETH"), "{text}");

    // Hostile stored text is shown as text; nothing in it runs or becomes an element.
    browser.open(&format!("{base}/article/hostile%2F%3Ci%3Eid%3C%2Fi%3E"));
    browser.screenshot(&shots.join("hostile.png"));
    let text = browser.visible_text();
    assert!(text.contains("<script>window.__xss=1</script>"), "{text}");
    assert!(text.contains("<b>bold</b> & sure"), "{text}");
    assert!(text.contains("<script>window.__xss=3</script>Comment"), "the title is text too: {text}");
    assert_eq!(browser.eval("typeof window.__xss"), json!("undefined"));
    assert_eq!(browser.eval("document.querySelectorAll('script, img, #text b').length"), json!(0));
}
