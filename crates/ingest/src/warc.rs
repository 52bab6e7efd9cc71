//! WARC files (plain or gzip): records in order, with their headers and content blocks.
//!
//! Streams: only one record is held at a time, and content beyond a size limit is skipped
//! rather than stored. Damage is reported per record and reading resumes at the next
//! `WARC/` header line: a wrong `Content-Length` (the block does not end in `CRLF CRLF`), a
//! truncated file, garbage between records, or a damaged gzip member. HTTP responses are
//! unwrapped (status line, headers, chunked transfer coding, gzip/deflate content coding).
//!
//! It does not read ARC files or follow `revisit` records to their originals.

use crate::gzip::Members;
use std::io::{self, BufRead, Read};

/// Longest header line accepted.
const MAX_LINE: usize = 64 * 1024;
/// Most header lines accepted in one record.
const MAX_HEADERS: usize = 256;

/// One WARC record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// 1-based position in the file.
    pub number: usize,
    /// The version line (`WARC/1.0`).
    pub version: String,
    /// Header fields in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The content block (at most the size limit).
    pub block: Vec<u8>,
    /// True if the block was longer than the limit and was cut.
    pub cut: bool,
}

impl Record {
    /// A header's value (name compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`, lowercase.
    pub fn kind(&self) -> String {
        self.header("WARC-Type").unwrap_or("").trim().to_ascii_lowercase()
    }
}

/// A problem with one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based number of the record it concerns.
    pub number: usize,
    /// What happened.
    pub message: String,
}

/// Reads records from a WARC stream.
pub struct Reader {
    input: Box<dyn Read + Send>,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    number: usize,
    limit: usize,
    /// Set after an error to skip to the next header line.
    resync: bool,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("warc::Reader").field("record", &self.number).finish()
    }
}

/// Is this the start of a gzip stream?
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

enum Fill {
    Data,
    Eof,
    Damaged(String),
}

impl Reader {
    /// Read records from `input`, decompressing gzip members if it is gzip; blocks larger than
    /// `limit` bytes are cut.
    pub fn new<R: BufRead + Send + 'static>(mut input: R, limit: usize) -> io::Result<Reader> {
        let gz = is_gzip(input.fill_buf()?);
        let input: Box<dyn Read + Send> = if gz { Box::new(Members::new(input)) } else { Box::new(input) };
        Ok(Reader {
            input,
            buf: Vec::with_capacity(1 << 16),
            pos: 0,
            eof: false,
            number: 0,
            limit,
            resync: false,
        })
    }

    fn available(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Read more input into the buffer.
    fn fill(&mut self) -> Fill {
        if self.eof {
            return Fill::Eof;
        }
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + (1 << 16), 0);
        loop {
            match self.input.read(&mut self.buf[old..]) {
                Ok(0) => {
                    self.buf.truncate(old);
                    self.eof = true;
                    return Fill::Eof;
                }
                Ok(n) => {
                    self.buf.truncate(old + n);
                    return Fill::Data;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    // What came before the damage belongs to a broken record: drop it.
                    self.buf.clear();
                    self.pos = 0;
                    if e.kind() != io::ErrorKind::InvalidData {
                        self.eof = true;
                    }
                    return Fill::Damaged(e.to_string());
                }
            }
        }
    }

    /// The next line (without CRLF); `Err` for damage, `Ok(None)` at the end.
    fn line(&mut self) -> Result<Option<Vec<u8>>, String> {
        loop {
            if let Some(i) = memchr::memchr(b'\n', self.available()) {
                let line = self.buf[self.pos..self.pos + i].to_vec();
                self.pos += i + 1;
                let line = line.strip_suffix(b"\r").map(<[u8]>::to_vec).unwrap_or(line);
                return Ok(Some(line));
            }
            if self.available().len() > MAX_LINE {
                self.pos = self.buf.len();
                return Err("header line longer than 64 KB".into());
            }
            match self.fill() {
                Fill::Data => {}
                Fill::Eof => {
                    if self.available().is_empty() {
                        return Ok(None);
                    }
                    let line = self.available().to_vec();
                    self.pos = self.buf.len();
                    return Ok(Some(line));
                }
                Fill::Damaged(e) => return Err(e),
            }
        }
    }

    /// Skip to the next line that starts a record; returns how many bytes were skipped.
    fn skip_to_header(&mut self) -> Result<usize, String> {
        let mut skipped = 0;
        loop {
            // Find "WARC/" at a line start in the buffer.
            let avail = self.available();
            let mut found = None;
            if avail.starts_with(b"WARC/") {
                found = Some(0);
            } else if let Some(i) = memchr::memmem::find(avail, b"\nWARC/") {
                found = Some(i + 1);
            }
            match found {
                Some(i) => {
                    self.pos += i;
                    return Ok(skipped + i);
                }
                None => {
                    // Keep a few bytes in case the marker straddles the buffer end.
                    let keep = avail.len().min(5);
                    let drop = avail.len() - keep;
                    self.pos += drop;
                    skipped += drop;
                    match self.fill() {
                        Fill::Data => {}
                        Fill::Eof => {
                            let rest = self.available().len();
                            if rest >= 5 && self.available().starts_with(b"WARC/") {
                                continue;
                            }
                            self.pos = self.buf.len();
                            return Ok(skipped + rest);
                        }
                        Fill::Damaged(e) => return Err(e),
                    }
                }
            }
        }
    }

    /// Read `n` bytes of block, keeping at most `limit`; `Err` if the input ends or is damaged.
    fn block(&mut self, n: usize) -> Result<(Vec<u8>, bool), String> {
        let keep = n.min(self.limit);
        let mut out = Vec::with_capacity(keep.min(1 << 24));
        let mut remaining = n;
        while remaining > 0 {
            if self.available().is_empty() {
                match self.fill() {
                    Fill::Data => continue,
                    Fill::Eof => {
                        return Err(format!(
                            "file ends {remaining} bytes before the end of the record's content"
                        ))
                    }
                    Fill::Damaged(e) => return Err(e),
                }
            }
            let take = remaining.min(self.available().len());
            let room = keep.saturating_sub(out.len()).min(take);
            out.extend_from_slice(&self.buf[self.pos..self.pos + room]);
            self.pos += take;
            remaining -= take;
        }
        Ok((out, n > keep))
    }

    /// Look at the next `n` bytes without consuming them (fewer at the end of input).
    fn peek(&mut self, n: usize) -> Result<&[u8], String> {
        while self.available().len() < n {
            match self.fill() {
                Fill::Data => {}
                Fill::Eof => break,
                Fill::Damaged(e) => return Err(e),
            }
        }
        let end = (self.pos + n).min(self.buf.len());
        Ok(&self.buf[self.pos..end])
    }

    /// The next record, an error about one record, or `None` at the end of the file.
    pub fn next_record(&mut self) -> Option<Result<Record, RecordError>> {
        let number = self.number + 1;
        let fail = |message: String| Some(Err(RecordError { number, message }));
        if self.resync {
            self.resync = false;
            match self.skip_to_header() {
                Ok(_) => {}
                Err(e) => {
                    self.number = number;
                    self.resync = true;
                    return fail(e);
                }
            }
        }
        // Blank lines between records.
        let first = loop {
            match self.line() {
                Ok(None) => return None,
                Ok(Some(l)) if l.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Some(l)) => break l,
                Err(e) => {
                    self.number = number;
                    self.resync = true;
                    return fail(e);
                }
            }
        };
        self.number = number;
        if !first.starts_with(b"WARC/") {
            let skipped = self.skip_to_header().unwrap_or(0) + first.len();
            if self.available().is_empty() && self.eof {
                return fail(format!("{skipped} bytes at the end of the file are not a WARC record"));
            }
            return fail(format!("{skipped} bytes that are not a WARC record were skipped"));
        }
        let version = String::from_utf8_lossy(&first).trim().to_string();
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.line() {
                Ok(None) => return fail("file ends inside the record's header".into()),
                Ok(Some(l)) if l.is_empty() => break,
                Ok(Some(l)) => {
                    if headers.len() >= MAX_HEADERS {
                        self.resync = true;
                        return fail(format!("more than {MAX_HEADERS} header lines"));
                    }
                    let text = String::from_utf8_lossy(&l);
                    if l.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
                        if let Some(last) = headers.last_mut() {
                            last.1.push(' ');
                            last.1.push_str(text.trim());
                        }
                    } else if let Some((name, value)) = text.split_once(':') {
                        headers.push((name.trim().to_string(), value.trim().to_string()));
                    } else {
                        self.resync = true;
                        return fail(format!("header line without a colon: {:?}", truncate(&text, 60)));
                    }
                }
                Err(e) => {
                    self.resync = true;
                    return fail(e);
                }
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.trim().parse::<usize>());
        let length = match length {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                self.resync = true;
                return fail("Content-Length is not a number".into());
            }
            None => {
                self.resync = true;
                return fail("no Content-Length".into());
            }
        };
        let (mut block, cut) = match self.block(length) {
            Ok(b) => b,
            Err(e) => {
                self.resync = true;
                return fail(e);
            }
        };
        let mut record = Record { number, version, headers, block: Vec::new(), cut };
        // The block must be followed by CRLF CRLF.
        match self.peek(4) {
            Ok(b"\r\n\r\n") => {
                self.pos += 4;
            }
            Ok([]) => {}
            Ok(end) if end.starts_with(b"\r\n") && (end.len() == 2 || end[2..].starts_with(b"WA")) => {
                self.pos += 2;
            }
            Ok(end) if end.starts_with(b"WARC") || end.starts_with(b"\n") => {}
            Ok(_) => {
                // Too long a length swallows the next header: look for it inside the block.
                if let Some(i) = memchr::memmem::find(&block, b"\r\n\r\nWARC/") {
                    let tail = block.split_off(i + 4);
                    block.truncate(i);
                    let rest = self.buf.split_off(self.pos);
                    self.buf.truncate(self.pos);
                    self.buf.extend_from_slice(&tail);
                    self.buf.extend_from_slice(&rest);
                }
                self.resync = true;
                return fail(format!("Content-Length {length} does not match the record's content"));
            }
            Err(e) => {
                self.resync = true;
                return fail(e);
            }
        }
        record.block = block;
        Some(Ok(record))
    }
}

fn truncate(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// An HTTP response split into status, headers and decoded body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code (0 if the status line could not be read).
    pub status: u16,
    /// Header fields.
    pub headers: Vec<(String, String)>,
    /// The body, with transfer and content coding removed where possible.
    pub body: Vec<u8>,
    /// Problems met while decoding.
    pub notes: Vec<String>,
}

impl HttpResponse {
    /// A header's value (name compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Parse the HTTP response in a `response` record's block.
pub fn parse_http(block: &[u8]) -> Option<HttpResponse> {
    let header_end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..header_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut resp = HttpResponse { status, headers, body: Vec::new(), notes: Vec::new() };
    let mut body = block[header_end.1..].to_vec();
    if resp.header("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        match dechunk(&body) {
            Some(b) => body = b,
            None => resp.notes.push("body says it is chunked but is not; read as is".into()),
        }
    }
    let coding = resp.header("Content-Encoding").map(|c| c.trim().to_ascii_lowercase());
    match coding.as_deref() {
        Some("gzip") | Some("x-gzip") if !body.starts_with(&[0x1f, 0x8b]) => {
            // Archives often store the decoded body but keep the header.
        }
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            match flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out) {
                Ok(_) => body = out,
                Err(e) => resp.notes.push(format!("gzip body could not be decoded: {e}")),
            }
        }
        Some("deflate") => {
            let mut out = Vec::new();
            let ok = flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out).is_ok() || {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..]).read_to_end(&mut out).is_ok()
            };
            if ok {
                body = out;
            } else {
                resp.notes.push("deflate body could not be decoded".into());
            }
        }
        Some("identity") | None => {}
        Some(other) => resp.notes.push(format!("content coding `{other}` is not supported")),
    }
    resp.body = body;
    Some(resp)
}

/// Undo chunked transfer coding; `None` if the body is not well-formed.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    loop {
        let line_end = memchr::memchr(b'\n', &body[i..])? + i;
        let line = std::str::from_utf8(&body[i..line_end]).ok()?.trim();
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        i = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        let end = i.checked_add(size)?;
        out.extend_from_slice(body.get(i..end)?);
        i = end;
        if body.get(i..i + 2) == Some(b"\r\n") {
            i += 2;
        } else if body.get(i) == Some(&b'\n') {
            i += 1;
        }
        if i >= body.len() {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, body: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    }

    fn all(data: Vec<u8>) -> Vec<Result<Record, RecordError>> {
        let mut r = Reader::new(io::Cursor::new(data), 1 << 20).unwrap();
        let mut out = Vec::new();
        while let Some(x) = r.next_record() {
            out.push(x);
            assert!(out.len() < 100);
        }
        out
    }

    #[test]
    fn reads_records_in_order() {
        let data = record("warcinfo", "software: test") + &record("response", "HTTP/1.1 200 OK\r\n\r\nhi");
        let got = all(data.into_bytes());
        assert_eq!(got.len(), 2);
        let r = got[1].as_ref().unwrap();
        assert_eq!(r.number, 2);
        assert_eq!(r.kind(), "response");
        assert_eq!(r.block, b"HTTP/1.1 200 OK\r\n\r\nhi");
    }

    #[test]
    fn wrong_length_is_reported_and_reading_resumes() {
        let good = record("resource", "abc");
        let bad = good.replace("Content-Length: 3", "Content-Length: 30");
        let data = bad + &record("resource", "second") + &record("resource", "third");
        let got = all(data.into_bytes());
        assert!(got[0].is_err(), "{got:?}");
        let ok: Vec<_> = got.iter().filter_map(|r| r.as_ref().ok()).map(|r| r.block.clone()).collect();
        assert!(ok.contains(&b"third".to_vec()), "{got:?}");
    }

    #[test]
    fn short_length_and_garbage_resume_at_next_record() {
        let bad = record("resource", "abcdef").replace("Content-Length: 6", "Content-Length: 2");
        let data = bad + "garbage\r\n" + &record("resource", "next");
        let got = all(data.into_bytes());
        assert!(got[0].is_err());
        assert_eq!(got.last().unwrap().as_ref().unwrap().block, b"next");
    }

    #[test]
    fn truncated_file_ends_with_an_error() {
        let data = record("resource", "whole") + &record("resource", "cut off here")[..60];
        let got = all(data.into_bytes());
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert!(got[1].as_ref().unwrap_err().message.contains("ends"));
    }

    #[test]
    fn oversized_blocks_are_cut() {
        let data = record("resource", &"x".repeat(5000));
        let mut r = Reader::new(io::Cursor::new(data.into_bytes()), 100).unwrap();
        let rec = r.next_record().unwrap().unwrap();
        assert!(rec.cut);
        assert_eq!(rec.block.len(), 100);
        assert!(r.next_record().is_none());
    }

    #[test]
    fn http_chunked_and_gzip_bodies() {
        let resp = parse_http(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(resp.body, b"hello world");
        let bad = parse_http(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnot chunked").unwrap();
        assert_eq!(bad.body, b"not chunked");
        assert_eq!(bad.notes.len(), 1);
        assert!(parse_http(b"no http here").is_none());
    }
}
