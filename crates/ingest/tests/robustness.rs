//! Bad input never panics or hangs: mutated WARC files and pages, deep nesting, huge pages,
//! binary files. Mutations come from a fixed-seed generator, so runs are repeatable.

#![allow(clippy::unwrap_used)]

use newsgraph_ingest::{html, read, warc, ReadOptions};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        if d.is_empty() {
            break;
        }
        match rng.below(5) {
            0 => {
                let i = rng.below(d.len());
                d[i] ^= 1 << rng.below(8);
            }
            1 => d.truncate(rng.below(d.len())),
            2 => {
                let i = rng.below(d.len());
                let n = rng.below(64);
                let junk: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                d.splice(i..i, junk);
            }
            3 => {
                let i = rng.below(d.len());
                let j = (i + rng.below(200)).min(d.len());
                d.drain(i..j);
            }
            _ => {
                let i = rng.below(d.len());
                let j = (i + rng.below(300)).min(d.len());
                let copy = d[i..j].to_vec();
                let k = rng.below(d.len());
                d.splice(k..k, copy);
            }
        }
    }
    d
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/warc").join(name)
}

fn drain_warc(data: Vec<u8>) -> usize {
    let len = data.len();
    let mut reader = warc::Reader::new(Cursor::new(data), 1 << 20).unwrap();
    let mut n = 0;
    while let Some(r) = reader.next_record() {
        n += 1;
        assert!(n <= len + 1, "reader does not advance");
        if let Ok(r) = r {
            let _ = warc::parse_http(&r.block);
        }
    }
    n
}

#[test]
fn mutated_warc_files_are_read_to_the_end() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for name in [
        "warcio-example.warc.gz",
        "warcio-example-iana.org-chunked.warc",
        "resiliparse-block-sized-records.warc",
    ] {
        let data = std::fs::read(fixture(name)).unwrap();
        for _ in 0..150 {
            drain_warc(mutate(&mut rng, &data));
        }
    }
}

#[test]
fn mutated_pages_are_extracted() {
    let mut rng = Rng(42);
    let page = br#"<!DOCTYPE html><html lang="de"><head><meta charset="iso-8859-1"><title>Titel | Seite</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02","author":{"name":"A B"}}</script>
        </head><body><nav><a href="/">Start</a></nav><article><h1>H</h1><p>Gr\xfc\xdfe aus der Stadt, sagte er am Montag.</p>
        <table><tr><td>1<td>2</table><!-- c --><p>Zweiter Absatz &amp; mehr &#8217; Text.</p></article><footer>(c) 2020</footer></body></html>"#;
    for _ in 0..400 {
        let m = mutate(&mut rng, page);
        let _ = html::extract(&m, &html::Hints::default());
    }
}

#[test]
fn deep_nesting_and_binary_and_empty_files() {
    let dir = std::env::temp_dir().join(format!("ng-ingest-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deep = dir.join("deep.html");
    let html = "<div>".repeat(100_000)
        + "<p>Inside the deepest element there is a sentence.</p>"
        + &"</div>".repeat(100_000);
    std::fs::write(&deep, html).unwrap();
    let binary = dir.join("photo.html");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0]).unwrap();
    let empty = dir.join("empty.html");
    std::fs::write(&empty, b"").unwrap();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in read(&[deep.clone(), binary.clone(), empty.clone()], &ReadOptions::default()) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].text.contains("deepest element"));
    assert!(docs[0].diagnostics.iter().any(|d| d.message.contains("flattened")));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("photo.html") && errors[0].contains("binary"));
    assert!(errors[1].contains("empty.html") && errors[1].contains("empty"));
}

#[test]
fn fifty_megabyte_page_is_cut_and_read() {
    let dir = std::env::temp_dir().join(format!("ng-ingest-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.html");
    let para =
        "<p>The committee met again on Thursday, and the chair said the report would be ready soon.</p>\n";
    let mut html = String::with_capacity(50 << 20);
    html.push_str("<html><body><article>");
    while html.len() < 50 << 20 {
        html.push_str(para);
    }
    std::fs::write(&big, &html).unwrap();
    drop(html);
    let items: Vec<_> = read(std::slice::from_ref(&big), &ReadOptions::default()).collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(items.len(), 1);
    let doc = items[0].as_ref().unwrap();
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("big.html") && d.message.contains("only the first")));
    assert!(doc.text.starts_with("The committee met again"));
}
