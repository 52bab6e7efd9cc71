//! WARC benchmark: build a CC-NEWS-style WARC.gz (warcinfo, then request/response pairs,
//! one gzip member per record) from the trafilatura benchmark pages, then time reading it:
//! WARC records only, and full documents (gunzip, HTTP, charset, main text, metadata,
//! language). Prints records per second on one core and the peak resident memory.
//! Run through `bench/warc.sh`.

use flate2::write::GzEncoder;
use std::io::Write;
use std::time::Instant;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8], n: usize) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\n\
         WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--read") {
        if let Some(path) = args.get(1) {
            read_and_time(std::path::Path::new(path));
        }
        return;
    }
    let data =
        args.first().cloned().unwrap_or_else(|| "../shared/data/extraction/trafilatura-eval.tar.gz".into());
    let copies: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(3);
    let pages = match newsgraph_ingest::evaluation::load(data.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let path = std::env::temp_dir().join(format!("newsgraph-bench-{}.warc.gz", std::process::id()));
    let mut file = match std::fs::File::create(&path) {
        Ok(f) => std::io::BufWriter::new(f),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2);
        }
    };
    let mut n = 0;
    let mut bytes = 0usize;
    let info = record("warcinfo", "", "application/warc-fields", b"software: newsgraph warc_bench\r\n", n);
    let _ = file.write_all(&gz(&info));
    for copy in 0..copies {
        for p in &pages {
            n += 1;
            let uri = format!("{}?copy={copy}", p.url);
            let req = "GET / HTTP/1.1\r\nHost: example\r\n\r\n";
            let _ = file.write_all(&gz(&record(
                "request",
                &uri,
                "application/http; msgtype=request",
                req.as_bytes(),
                n,
            )));
            n += 1;
            let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
            http.extend_from_slice(&p.html);
            bytes += http.len();
            let _ = file.write_all(&gz(&record(
                "response",
                &uri,
                "application/http; msgtype=response",
                &http,
                n,
            )));
        }
    }
    let _ = file.flush();
    drop(file);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "WARC.gz with {} records ({} responses, {:.0} MB of HTTP responses, {:.0} MB compressed)",
        n + 1,
        pages.len() * copies,
        bytes as f64 / 1e6,
        size as f64 / 1e6
    );

    // Read in a fresh process, so that its peak memory is the reader's alone.
    drop(pages);
    let status = std::env::current_exe()
        .and_then(|exe| std::process::Command::new(exe).arg("--read").arg(&path).status());
    if let Err(e) = status {
        eprintln!("cannot run the reading process: {e}");
    }
    let _ = std::fs::remove_file(&path);
}

fn read_and_time(path: &std::path::Path) {
    // Records only: gunzip and split.
    let start = Instant::now();
    let mut records = 0u64;
    match std::fs::File::open(path).map(std::io::BufReader::new) {
        Ok(input) => match newsgraph_ingest::warc::Reader::new(input, usize::MAX) {
            Ok(mut reader) => {
                while let Some(r) = reader.next_record() {
                    if r.is_ok() {
                        records += 1;
                    }
                }
            }
            Err(e) => eprintln!("{e}"),
        },
        Err(e) => eprintln!("{e}"),
    }
    let t = start.elapsed().as_secs_f64();
    println!("records only:   {records} records in {t:.2} s = {:.0} records/s", records as f64 / t);

    // Full documents.
    let start = Instant::now();
    let mut docs = newsgraph_ingest::read(&[path.to_path_buf()], &newsgraph_ingest::ReadOptions::default());
    let mut ok = 0u64;
    for item in docs.by_ref() {
        if item.is_ok() {
            ok += 1;
        }
    }
    let t = start.elapsed().as_secs_f64();
    let s = docs.stats();
    println!(
        "full documents: {} records, {ok} documents in {t:.2} s = {:.0} records/s, {:.0} documents/s (one core)",
        s.records,
        s.records as f64 / t,
        ok as f64 / t
    );
    println!("peak resident memory: {:.0} MB", peak_rss_kb() as f64 / 1024.0);
}
