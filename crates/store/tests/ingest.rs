//! Ingest runs: idempotence, resumption after SIGKILL, reading while an ingest writes.

#![allow(clippy::unwrap_used)] // tests may unwrap

use newsgraph_model::{Document, Quote, Span};
use newsgraph_store::ingest::{self, Event, Options};
use newsgraph_store::questions::{QuoteQuery, SearchQuery};
use newsgraph_store::Store;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A stand-in for the pipeline: every document gets one quotation of its first word.
fn analyze(docs: &mut [Document]) {
    for doc in docs {
        let end = doc.text.find(' ').unwrap_or(doc.text.len());
        doc.quotes.push(Quote { span: Span::new(0, end), ..Quote::default() });
    }
}

fn corpus(n: usize) -> Vec<Result<Document, String>> {
    (0..n)
        .map(|i| {
            let mut doc = Document::new(
                format!("doc-{i:05}"),
                format!("Word{i} is the story number {i} of the corpus."),
            );
            doc.meta.published = Some(format!("2026-01-{:02}", 1 + i % 28));
            Ok(doc)
        })
        .collect()
}

fn run(path: &Path, docs: Vec<Result<Document, String>>, options: Options) -> ingest::Progress {
    ingest::run(path, docs.into_iter(), analyze, options, |_| {}).unwrap()
}

fn small_batches() -> Options {
    Options { batch_documents: 7, ..Options::default() }
}

#[test]
fn ingest_is_idempotent_and_counts_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut input = corpus(50);
    input.insert(10, Err("page.html: not HTML".to_string()));
    let mut errors = Vec::new();
    let first = ingest::run(&path, input.clone().into_iter(), analyze, small_batches(), |e| {
        if let Event::ReadError(m) = e {
            errors.push(m.to_string())
        }
    })
    .unwrap();
    assert_eq!(errors, ["page.html: not HTML"]);
    assert_eq!((first.read, first.read_errors, first.analysed, first.written.stored), (50, 1, 50, 50));

    let second = run(&path, input.clone(), small_batches());
    assert_eq!((second.read, second.skipped, second.analysed, second.written.stored), (50, 50, 0, 0));

    // One story changed: only it is analysed and replaced.
    let mut changed = corpus(50);
    if let Ok(doc) = &mut changed[3] {
        doc.text.push_str(" Updated.");
    }
    let third = run(&path, changed, small_batches());
    assert_eq!((third.skipped, third.analysed, third.written.replaced), (49, 1, 1));

    let fourth = run(&path, corpus(50), Options { reanalyse: true, ..small_batches() });
    assert_eq!((fourth.skipped, fourth.analysed, fourth.written.replaced), (0, 50, 50));

    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.count().unwrap(), 50);
    let quotes: i64 = store.connection().query_row("SELECT count(*) FROM quotes", [], |r| r.get(0)).unwrap();
    assert_eq!(quotes, 50, "replacing a document replaces its rows");
    let hits = store.search(&SearchQuery::new("word3")).unwrap();
    assert_eq!(hits.items.len(), 1, "the search index follows replacements");
}

#[test]
fn the_same_document_twice_in_one_run_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut input = corpus(5);
    input.extend(corpus(5));
    let progress = run(&path, input, Options { batch_documents: 3, ..Options::default() });
    assert_eq!(progress.written.stored + progress.written.unchanged + progress.skipped, 10);
    assert_eq!(progress.written.stored, 5);
    assert_eq!(Store::open_read_only(&path).unwrap().count().unwrap(), 5);
}

const CHILD_ENV: &str = "NEWSGRAPH_STORE_TEST_KILL_CHILD";
const KILL_CORPUS: usize = 4000;

/// The ingest the kill test runs in a child process and kills; not a test of its own.
#[test]
#[ignore = "run by an_ingest_killed_mid_run_resumes_and_stores_everything_once as its child process"]
fn kill_child_ingest() {
    let path = std::env::var(CHILD_ENV).expect("run as the kill test's child");
    let slow = |docs: &mut [Document]| {
        std::thread::sleep(Duration::from_millis(20));
        analyze(docs);
    };
    ingest::run(
        Path::new(&path),
        corpus(KILL_CORPUS).into_iter(),
        slow,
        Options { batch_documents: 16, ..Options::default() },
        |_| {},
    )
    .unwrap();
}

#[test]
fn an_ingest_killed_mid_run_resumes_and_stores_everything_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["kill_child_ingest", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let started = Instant::now();
    let committed = loop {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(store) = Store::open_read_only(&path) {
            let n = store.count().unwrap_or(0);
            if n >= 200 {
                break n;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the child ingest made no progress");
    };
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child was killed, not finished");

    let store = Store::open_read_only(&path).unwrap();
    let at_kill = store.count().unwrap();
    assert!(at_kill >= committed && at_kill < KILL_CORPUS as u64, "killed mid-run: {at_kill} stored");
    drop(store);

    let resumed = run(&path, corpus(KILL_CORPUS), Options { batch_documents: 64, ..Options::default() });
    assert_eq!(resumed.skipped, at_kill, "everything committed before the kill is skipped");
    assert_eq!(resumed.written.stored, KILL_CORPUS as u64 - at_kill);

    let store = Store::open_read_only(&path).unwrap();
    let conn = store.connection();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let (docs, distinct): (i64, i64) = conn
        .query_row("SELECT count(*), count(DISTINCT id) FROM documents", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((docs, distinct), (KILL_CORPUS as i64, KILL_CORPUS as i64));
    let per_doc: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT doc FROM quotes GROUP BY doc HAVING count(*) <> 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(per_doc, 0, "every document has exactly its own rows");
    let quotes: i64 = conn.query_row("SELECT count(*) FROM quotes", [], |r| r.get(0)).unwrap();
    assert_eq!(quotes, KILL_CORPUS as i64);
    let fts: i64 = conn
        .query_row("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'story'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts, KILL_CORPUS as i64, "the search index holds every document once");
}

#[test]
fn readers_keep_answering_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    run(&path, corpus(10), Options::default());
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let slow = |docs: &mut [Document]| {
                std::thread::sleep(Duration::from_millis(2));
                analyze(docs);
            };
            let p = ingest::run(
                &path,
                corpus(3000).into_iter(),
                slow,
                Options { batch_documents: 50, ..Options::default() },
                |_| {},
            )
            .unwrap();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            p
        });
        let reader = Store::open_read_only(&path).unwrap();
        let mut answers = 0;
        let mut last = 0;
        while !done.load(std::sync::atomic::Ordering::SeqCst) {
            let n = reader.count().unwrap();
            assert!(n >= last, "a reader never sees the store shrink");
            last = n;
            reader.search(&SearchQuery::new("story")).unwrap();
            reader.quotes(&QuoteQuery { speaker: "nobody".into(), ..QuoteQuery::default() }).unwrap();
            answers += 1;
        }
        assert_eq!(writer.join().unwrap().written.stored, 2990);
        assert!(answers > 10, "the reader answered {answers} times during the ingest");
    });
}
