//! End-to-end tests of `newsgraph_ingest::read` over files written to a temporary directory.

#![allow(clippy::unwrap_used)]

use newsgraph_ingest::{read, Format, ReadOptions};
use newsgraph_model::Document;
use std::io::Write;
use std::path::{Path, PathBuf};

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("ng-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn docs(inputs: &[PathBuf], options: &ReadOptions) -> (Vec<Document>, Vec<String>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for item in read(inputs, options) {
        match item {
            Ok(d) => ok.push(d),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (ok, errors)
}

const ARTICLE: &str = "The minister said on Monday that the government would raise pensions next year, \
    after weeks of protests in the capital. Opposition leaders called the plan too little, too late.";

#[test]
fn plain_text_file_is_cleaned() {
    let t = TempDir::new("text");
    let raw = format!(
        "Pensions to rise\n\nPensions to rise\n\n{ARTICLE}\n\nShare:\nerror: Content is protected !!\n"
    );
    let p = t.file("story.txt", raw.as_bytes());
    let (d, e) = docs(std::slice::from_ref(&p), &ReadOptions::default());
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].id, p.display().to_string());
    assert_eq!(d[0].meta.title.as_deref(), Some("Pensions to rise"));
    assert_eq!(d[0].text, ARTICLE);
    assert_eq!(d[0].meta.language.as_deref(), Some("en"));
    assert_eq!(d[0].meta.origin.as_deref(), Some(p.display().to_string().as_str()));
}

#[test]
fn json_lines_fields_and_bad_lines() {
    let t = TempDir::new("jsonl");
    let lines = format!(
        "{{\"id\":\"a1\",\"text\":\"{ARTICLE}\",\"url\":\"https://x.example/a\",\"title\":\"T\",\"date\":\"March 14, 2022\",\"author\":[\"Ann Lee\"],\"section\":\"world\"}}\n\
         not json\n\
         \n\
         {{\"body\":\"no text field\"}}\n\
         {{\"text\":\"{ARTICLE}\"}}\n"
    );
    let p = t.file("export.jsonl", lines.as_bytes());
    let (d, e) = docs(std::slice::from_ref(&p), &ReadOptions::default());
    assert_eq!(d.len(), 2);
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with(&format!("{}:2:", p.display())), "{e:?}");
    assert!(e[1].starts_with(&format!("{}:4:", p.display())), "{e:?}");
    let a = &d[0];
    assert_eq!(a.id, "a1");
    assert_eq!(a.meta.url.as_deref(), Some("https://x.example/a"));
    assert_eq!(a.meta.title.as_deref(), Some("T"));
    assert_eq!(a.meta.published.as_deref(), Some("2022-03-14"));
    assert_eq!(a.meta.authors, ["Ann Lee"]);
    assert_eq!(a.meta.extra.get("section").and_then(|v| v.as_str()), Some("world"));
    assert_eq!(d[1].id, format!("{}:5", p.display()));
}

#[test]
fn json_lines_custom_fields_and_html_field() {
    let t = TempDir::new("jsonl-html");
    let html = format!("<html><head><title>Pensions to rise next year | Daily</title></head><body><nav>Home</nav><article><p>{ARTICLE}</p></article></body></html>");
    let line = serde_json::json!({"doc_id": 7, "content": html, "link": "https://d.example/p"}).to_string();
    let p = t.file("scrape.ndjson", line.as_bytes());
    let options = ReadOptions {
        id_field: "doc_id".into(),
        html_field: Some("content".into()),
        url_field: "link".into(),
        ..ReadOptions::default()
    };
    let (d, e) = docs(&[p], &options);
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(d[0].id, "7");
    assert_eq!(d[0].text, ARTICLE);
    assert_eq!(d[0].meta.title.as_deref(), Some("Pensions to rise next year"));
    assert_eq!(d[0].meta.url.as_deref(), Some("https://d.example/p"));
}

#[test]
fn directory_walk_is_recursive_sorted_and_survives_bad_files() {
    let t = TempDir::new("dir");
    t.file(
        "b/page.html",
        format!("<html><body><article><p>{ARTICLE}</p></article></body></html>").as_bytes(),
    );
    t.file("a.txt", ARTICLE.as_bytes());
    t.file("c/empty.txt", b"");
    t.file("c/image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    t.file("c/style.css", b"body{}");
    t.file(".hidden.txt", b"secret");
    let (d, e) = docs(std::slice::from_ref(&t.0), &ReadOptions::default());
    assert_eq!(d.len(), 2, "{e:?}");
    assert!(d[0].id.ends_with("a.txt"));
    assert!(d[1].id.ends_with("page.html"));
    assert_eq!(d[1].text, ARTICLE);
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e.iter().any(|m| m.contains("empty.txt") && m.contains("empty")));
    assert!(e.iter().any(|m| m.contains("image.html") && m.contains("binary")));
}

#[cfg(unix)]
#[test]
fn linked_directories_are_read_once_and_loops_end() {
    let t = TempDir::new("links");
    t.file("real/a.txt", ARTICLE.as_bytes());
    let top = t.0.join("top");
    std::fs::create_dir_all(&top).unwrap();
    std::os::unix::fs::symlink(t.0.join("real"), top.join("linked")).unwrap();
    std::os::unix::fs::symlink(&top, top.join("loop")).unwrap();
    let (d, e) = docs(std::slice::from_ref(&top), &ReadOptions::default());
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(d.len(), 1);
    assert!(d[0].id.ends_with("a.txt"), "{}", d[0].id);
}

#[test]
fn missing_input_is_an_error_and_the_rest_is_read() {
    let t = TempDir::new("missing");
    let p = t.file("ok.txt", ARTICLE.as_bytes());
    let (d, e) = docs(&[t.0.join("nope.txt"), p], &ReadOptions::default());
    assert_eq!(d.len(), 1);
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("nope.txt"));
}

#[test]
fn gzip_json_lines_and_forced_format() {
    let t = TempDir::new("gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(format!("{{\"text\":\"{ARTICLE}\"}}\n").as_bytes()).unwrap();
    let p = t.file("export.jsonl.gz", &enc.finish().unwrap());
    let (d, e) = docs(&[p], &ReadOptions::default());
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(d[0].text, ARTICLE);
    let q = t.file("data.bin", format!("<p>{ARTICLE}</p>").as_bytes());
    let (d, _) =
        docs(&[q], &ReadOptions { format: Some(Format::Text), clean_text: false, ..ReadOptions::default() });
    assert!(d[0].text.starts_with("<p>"));
}

#[test]
fn oversized_page_is_cut_with_a_warning() {
    let t = TempDir::new("big");
    let mut html = String::from("<html><body><article>");
    while html.len() < 3_000_000 {
        html.push_str("<p>");
        html.push_str(ARTICLE);
        html.push_str("</p>");
    }
    let p = t.file("big.html", html.as_bytes());
    let options = ReadOptions { max_document_bytes: 1 << 20, ..ReadOptions::default() };
    let (d, e) = docs(&[p], &options);
    assert!(e.is_empty());
    assert!(d[0].diagnostics.iter().any(|x| x.message.contains("only the first")));
    assert!(d[0].text.len() > 500_000);
}

fn record(kind: &str, headers: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n{headers}Content-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn cc_news_like() -> Vec<Vec<u8>> {
    let page = format!("<html lang=\"en\"><head><title>Pensions</title></head><body><article><p>{ARTICLE}</p></article></body></html>");
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    vec![
        record("warcinfo", "Content-Type: application/warc-fields\r\n", b"software: test\r\n"),
        record("request", "WARC-Target-URI: https://n.example/p\r\nContent-Type: application/http; msgtype=request\r\n", b"GET /p HTTP/1.1\r\n\r\n"),
        record("response", "WARC-Target-URI: https://n.example/p\r\nWARC-Date: 2022-03-14T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n", http.as_bytes()),
        record("response", "WARC-Target-URI: https://n.example/logo.png\r\nContent-Type: application/http; msgtype=response\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
        record("resource", "WARC-Target-URI: file:///notes.txt\r\nContent-Type: text/plain\r\n", ARTICLE.as_bytes()),
    ]
}

#[test]
fn warc_and_warc_gz_in_cc_news_layout() {
    let t = TempDir::new("warc");
    let records = cc_news_like();
    let plain: Vec<u8> = records.concat();
    let zipped: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
    let a = t.file("news.warc", &plain);
    let b = t.file("news.warc.gz", &zipped);
    for p in [a, b] {
        let mut it = read(std::slice::from_ref(&p), &ReadOptions::default());
        let d: Vec<Document> = it.by_ref().map(|x| x.unwrap()).collect();
        assert_eq!(d.len(), 2, "{}", p.display());
        assert!(d[0].id.starts_with("urn:uuid:response-"), "{}", d[0].id);
        assert_eq!(d[0].meta.url.as_deref(), Some("https://n.example/p"));
        assert_eq!(d[0].meta.origin.as_deref(), Some(format!("{}#3", p.display()).as_str()));
        assert_eq!(d[0].text, ARTICLE);
        assert_eq!(d[0].meta.title.as_deref(), Some("Pensions"));
        assert_eq!(d[0].meta.extra.get("fetched").and_then(|v| v.as_str()), Some("2022-03-14T10:00:00Z"));
        assert_eq!(d[1].text, ARTICLE);
        let stats = it.stats();
        assert_eq!((stats.records, stats.documents, stats.skipped, stats.errors), (5, 2, 3, 0));
    }
}

#[test]
fn damaged_warc_gz_member_is_reported_and_the_rest_read() {
    let t = TempDir::new("warc-bad");
    let records = cc_news_like();
    let mut members: Vec<Vec<u8>> = records.iter().map(|r| gz(r)).collect();
    let n = members[2].len();
    for b in &mut members[2][15..n - 10] {
        *b ^= 0x33;
    }
    let p = t.file("bad.warc.gz", &members.concat());
    let (d, e) = docs(std::slice::from_ref(&p), &ReadOptions::default());
    assert_eq!(d.len(), 1, "{e:?}");
    assert_eq!(d[0].text, ARTICLE);
    assert!(!e.is_empty());
    assert!(e[0].starts_with(&format!("{}#", p.display())), "{e:?}");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/warc").join(name)
}

#[test]
fn real_warc_fixtures_read_without_panics() {
    for (name, min_docs, expect_errors) in [
        ("resiliparse-warcfile.warc.gz", 10, false),
        ("resiliparse-block-sized-records.warc", 0, false),
        ("warcio-example.warc.gz", 1, false),
        ("warcio-example-resource.warc.gz", 0, false),
        ("warcio-example-iana.org-chunked.warc", 1, false),
        ("resiliparse-clipped.warc.gz", 0, true),
        ("warcio-example-trunc.warc", 0, true),
        ("resiliparse-clueweb-quirk.warc.gz", 1, false),
        ("warcio-example-bad-non-chunked.warc.gz", 0, false),
        ("warcio-example-wrong-chunks.warc.gz", 0, false),
    ] {
        let p = fixture(name);
        let (d, e) = docs(std::slice::from_ref(&p), &ReadOptions::default());
        assert!(d.len() >= min_docs, "{name}: {} documents, errors {e:?}", d.len());
        assert_eq!(!e.is_empty(), expect_errors, "{name}: {e:?}");
        for err in &e {
            assert!(err.starts_with(&format!("{}#", p.display())), "{err}");
        }
    }
}

#[test]
fn records_of_unknown_type_are_counted_and_skipped() {
    let mut it = read(&[fixture("resiliparse-block-sized-records.warc")], &ReadOptions::default());
    assert_eq!(it.by_ref().count(), 0);
    let stats = it.stats();
    assert_eq!((stats.records, stats.skipped, stats.errors), (3, 3, 0));
}
