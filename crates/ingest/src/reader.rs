//! The streaming reader behind [`crate::read`]: walks inputs (files, directories, standard
//! input), picks each one's format, and yields one item per document.
//!
//! Directories are walked recursively in name order; inside them only files with a known
//! extension (or none) are read, hidden files and symbolic links to directories are
//! skipped. Files named on the command line are always read. An input that cannot be read
//! yields an error item naming it, and the walk goes on.

use crate::document::{html_document, text_document, STAGE};
use crate::warc::{self, Record};
use crate::{charset, jsonl, Format, ReadError, ReadErrorKind, ReadOptions};
use newsgraph_model::{Document, Severity};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Counters of what a reader has done so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Files and streams opened.
    pub inputs: u64,
    /// Records seen (lines, WARC records, files).
    pub records: u64,
    /// Documents produced.
    pub documents: u64,
    /// Records passed over on purpose (WARC requests, metadata, images, redirects).
    pub skipped: u64,
    /// Error items produced.
    pub errors: u64,
}

enum Input {
    Path(PathBuf, bool),
    Stdin,
}

enum Source {
    Once(Option<Result<Box<Document>, ReadError>>),
    Lines(jsonl::Lines),
    Warc(Box<warc::Reader>, String),
}

/// Documents read from inputs, one item per document or per unreadable record.
pub struct Documents {
    options: ReadOptions,
    inputs: VecDeque<Input>,
    walk: Vec<VecDeque<PathBuf>>,
    /// Directories already walked (resolved), so that links back up the tree end.
    walked: std::collections::HashSet<PathBuf>,
    source: Option<Source>,
    stats: ReadStats,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents").field("stats", &self.stats).finish()
    }
}

/// Extensions of files read when met inside a directory.
const KNOWN_EXTENSIONS: &[&str] =
    &["html", "htm", "xhtml", "shtml", "txt", "text", "jsonl", "ndjson", "warc", "gz", "json"];

fn has_known_extension(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => KNOWN_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
    }
}

/// The format a file name suggests (`.warc.gz` counts as WARC).
pub fn format_from_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "txt" | "text" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "warc" | "arc" => Some(Format::Warc),
        _ => None,
    }
}

/// The format the first bytes of an (uncompressed) input suggest.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let rest = &head[start..];
    if rest.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if rest.starts_with(b"{") {
        return Format::JsonLines;
    }
    let lower: Vec<u8> = rest.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let html_markers: [&[u8]; 6] = [b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div"];
    if html_markers.iter().any(|m| lower.starts_with(m))
        || lower.starts_with(b"<") && html_markers.iter().any(|m| memchr::memmem::find(&lower, m).is_some())
    {
        return Format::Html;
    }
    Format::Text
}

impl Documents {
    pub(crate) fn new(inputs: &[PathBuf], options: &ReadOptions) -> Documents {
        let inputs = inputs
            .iter()
            .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p.clone(), true) })
            .collect();
        Documents {
            options: options.clone(),
            inputs,
            walk: Vec::new(),
            walked: Default::default(),
            source: None,
            stats: ReadStats::default(),
        }
    }

    /// What has been read so far.
    pub fn stats(&self) -> ReadStats {
        self.stats
    }

    /// The next input to open, walking directories.
    fn next_input(&mut self) -> Option<Input> {
        loop {
            if let Some(level) = self.walk.last_mut() {
                match level.pop_front() {
                    Some(path) => return Some(Input::Path(path, false)),
                    None => {
                        self.walk.pop();
                        continue;
                    }
                }
            }
            return self.inputs.pop_front();
        }
    }

    fn open_dir(&mut self, path: &Path) -> Result<(), ReadError> {
        let origin = path.display().to_string();
        // A directory reached twice (through a link, or a link to a parent) is read once.
        let resolved = std::fs::canonicalize(path).map_err(|e| ReadError::new(origin.clone(), e.into()))?;
        if !self.walked.insert(resolved) {
            return Ok(());
        }
        let entries = std::fs::read_dir(path).map_err(|e| ReadError::new(origin.clone(), e.into()))?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| ReadError::new(origin.clone(), e.into()))?;
            let p = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else { continue };
            // Links are followed, to files and to directories.
            let file = kind.is_file() || kind.is_symlink() && p.is_file();
            let dir = kind.is_dir() || kind.is_symlink() && p.is_dir();
            if dir || file && has_known_extension(&p) {
                paths.push(p);
            }
        }
        paths.sort();
        self.walk.push(paths.into());
        Ok(())
    }

    fn open(&mut self, input: Input) -> Option<Source> {
        let (reader, origin, name_format): (Box<dyn BufRead + Send>, String, Option<Format>) = match input {
            Input::Stdin => (Box::new(BufReader::with_capacity(1 << 16, io::stdin())), "-".to_string(), None),
            Input::Path(path, _explicit) => {
                let origin = path.display().to_string();
                if path.is_dir() {
                    return match self.open_dir(&path) {
                        Ok(()) => None,
                        Err(e) => Some(Source::Once(Some(Err(e)))),
                    };
                }
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(e) => return Some(Source::Once(Some(Err(ReadError::new(origin, e.into()))))),
                };
                (Box::new(BufReader::with_capacity(1 << 16, file)), origin, format_from_name(&path))
            }
        };
        self.stats.inputs += 1;
        Some(self.open_reader(reader, origin, name_format))
    }

    fn open_reader(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        origin: String,
        by_name: Option<Format>,
    ) -> Source {
        let fail =
            |origin: String, kind: ReadErrorKind| Source::Once(Some(Err(ReadError::new(origin, kind))));
        let head = match reader.fill_buf() {
            Ok(h) => h,
            Err(e) => return fail(origin, e.into()),
        };
        if head.is_empty() {
            return fail(origin, ReadErrorKind::Empty);
        }
        let gz = warc::is_gzip(head);
        // WARC.gz keeps its members for the WARC reader; other gzip files are unpacked here.
        let format = self.options.format.or(by_name);
        if gz && format != Some(Format::Warc) {
            let mut inner: Box<dyn BufRead + Send> =
                Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(reader)));
            let is_warc = match inner.fill_buf() {
                Ok(h) => sniff(h) == Format::Warc,
                Err(e) => return fail(origin, ReadErrorKind::Gzip(e.to_string())),
            };
            if format.is_none() && is_warc {
                // Not a member-per-record file after all? Read it as one stream.
                return match warc::Reader::new(inner, self.options.max_document_bytes) {
                    Ok(r) => Source::Warc(Box::new(r), origin),
                    Err(e) => fail(origin, e.into()),
                };
            }
            reader = inner;
        }
        let format = match format {
            Some(f) => f,
            None if gz => Format::Warc,
            None => match reader.fill_buf() {
                Ok(h) => sniff(h),
                Err(e) => return fail(origin, e.into()),
            },
        };
        match format {
            Format::Warc => match warc::Reader::new(reader, self.options.max_document_bytes) {
                Ok(r) => Source::Warc(Box::new(r), origin),
                Err(e) => fail(origin, e.into()),
            },
            Format::JsonLines => Source::Lines(jsonl::Lines::new(reader, origin)),
            Format::Text | Format::Html => {
                Source::Once(Some(self.whole(reader, origin, format).map(Box::new)))
            }
        }
    }

    /// A whole file as one document.
    fn whole(
        &mut self,
        reader: Box<dyn BufRead + Send>,
        origin: String,
        format: Format,
    ) -> Result<Document, ReadError> {
        self.stats.records += 1;
        let limit = self.options.max_document_bytes;
        let mut bytes = Vec::new();
        let mut limited = reader.take(limit as u64 + 1);
        limited.read_to_end(&mut bytes).map_err(|e| ReadError::new(origin.clone(), e.into()))?;
        let cut = bytes.len() > limit;
        if cut {
            bytes.truncate(limit);
            // Skip the rest without holding it.
            let _ = io::copy(&mut limited.into_inner(), &mut io::sink());
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ReadError::new(origin, ReadErrorKind::Empty));
        }
        if charset::looks_binary(&bytes) {
            return Err(ReadError::new(origin, ReadErrorKind::Binary));
        }
        let mut doc = match format {
            Format::Html => html_document(origin.clone(), &bytes, None, None, origin.clone(), &self.options),
            _ => {
                let decoded = charset::decode_text(&bytes);
                let mut doc = text_document(origin.clone(), &decoded.text, origin.clone(), &self.options);
                if let Some(note) = decoded.note {
                    doc.diagnose(Severity::Info, STAGE, note);
                }
                doc
            }
        };
        if cut {
            doc.diagnose(
                Severity::Warning,
                STAGE,
                format!("{origin}: input larger than {limit} bytes; only the first {limit} bytes were read"),
            );
        }
        Ok(doc)
    }

    fn warc_item(&mut self, mut record: Record, path: &str) -> Option<Result<Document, ReadError>> {
        let origin = format!("{path}#{}", record.number);
        let fetched = record.header("WARC-Date").map(|d| d.trim().to_string());
        let cut = record.cut;
        let block = std::mem::take(&mut record.block);
        let kind = record.kind();
        let target = record.header("WARC-Target-URI").map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let id = record
            .header("WARC-Record-ID")
            .map(|i| i.trim().trim_matches(['<', '>']).to_string())
            .unwrap_or_else(|| origin.clone());
        let (content_type, body, mut notes): (Option<String>, Vec<u8>, Vec<String>) = match kind.as_str() {
            "response" => {
                let is_http = record
                    .header("Content-Type")
                    .is_none_or(|c| c.to_ascii_lowercase().contains("application/http"));
                if !is_http {
                    (record.header("Content-Type").map(str::to_string), block, Vec::new())
                } else {
                    match warc::parse_http(&block) {
                        Some(resp) if (200..300).contains(&resp.status) => {
                            (resp.header("Content-Type").map(str::to_string), resp.body, resp.notes)
                        }
                        Some(_) => return None,
                        None => {
                            return Some(Err(ReadError::new(
                                origin,
                                ReadErrorKind::Warc("response record without an HTTP status line".into()),
                            )))
                        }
                    }
                }
            }
            "resource" | "conversion" => {
                (record.header("Content-Type").map(str::to_string), block, Vec::new())
            }
            _ => return None,
        };
        let ct = content_type.as_deref().unwrap_or("").to_ascii_lowercase();
        let format = if ct.contains("html") || ct.contains("xhtml") {
            Format::Html
        } else if ct.starts_with("text/plain") {
            Format::Text
        } else if ct.is_empty() {
            match sniff(&body[..body.len().min(1024)]) {
                Format::Html => Format::Html,
                _ => return None,
            }
        } else {
            return None;
        };
        if body.iter().all(u8::is_ascii_whitespace) {
            return Some(Err(ReadError::new(origin, ReadErrorKind::Empty)));
        }
        if charset::looks_binary(&body) {
            return Some(Err(ReadError::new(origin, ReadErrorKind::Binary)));
        }
        if cut {
            notes.push(format!(
                "{origin}: record larger than {} bytes; only the first {} bytes were read",
                self.options.max_document_bytes, self.options.max_document_bytes
            ));
        }
        let mut doc = match format {
            Format::Html => {
                html_document(id, &body, target.as_deref(), content_type.as_deref(), origin, &self.options)
            }
            _ => {
                let text = charset::decode_html(&body, content_type.as_deref()).text;
                let mut d = text_document(id, &text, origin, &self.options);
                d.meta.url = target.clone();
                d
            }
        };
        if doc.meta.url.is_none() {
            doc.meta.url = target;
        }
        if let Some(date) = fetched {
            doc.meta.extra.insert("fetched".into(), serde_json::Value::String(date));
        }
        for note in notes {
            doc.diagnose(Severity::Warning, STAGE, note);
        }
        Some(Ok(doc))
    }
}

impl Iterator for Documents {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = match self.source.as_mut() {
                None => None,
                Some(Source::Once(item)) => item.take().map(|r| r.map(|d| *d)),
                Some(Source::Lines(lines)) => {
                    let item = lines.next_item(&self.options);
                    if item.is_some() {
                        self.stats.records += 1;
                    }
                    item
                }
                Some(Source::Warc(_, path)) => {
                    let path = path.clone();
                    loop {
                        let Some(Source::Warc(reader, _)) = self.source.as_mut() else { break None };
                        match reader.next_record() {
                            None => break None,
                            Some(Err(e)) => {
                                self.stats.records += 1;
                                break Some(Err(ReadError::new(
                                    format!("{path}#{}", e.number),
                                    ReadErrorKind::Warc(e.message),
                                )));
                            }
                            Some(Ok(record)) => {
                                self.stats.records += 1;
                                match self.warc_item(record, &path) {
                                    Some(item) => break Some(item),
                                    None => self.stats.skipped += 1,
                                }
                            }
                        }
                    }
                }
            };
            match item {
                Some(Ok(doc)) => {
                    self.stats.documents += 1;
                    return Some(Ok(doc));
                }
                Some(Err(e)) => {
                    self.stats.errors += 1;
                    return Some(Err(e));
                }
                None => {
                    self.source = None;
                    let input = self.next_input()?;
                    self.source = self.open(input);
                }
            }
        }
    }
}
