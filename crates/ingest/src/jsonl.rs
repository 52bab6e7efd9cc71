//! JSON Lines input: one JSON object per line, fields named by [`ReadOptions`].
//!
//! A record's text comes from the HTML field (extracted like a page) when configured and
//! present, else from the text field (cleaned like plain text). Known metadata fields fill
//! the document's metadata; every other field is carried in `meta.extra`. Lines are read
//! one at a time; a line longer than the size limit is skipped with an error.

use crate::document::{html_document, text_document};
use crate::{dates, ReadError, ReadErrorKind, ReadOptions};
use newsgraph_model::{Document, Severity};
use serde_json::{Map, Value};
use std::io::BufRead;

/// Reads documents from a JSON Lines stream.
pub struct Lines {
    input: Box<dyn BufRead + Send>,
    path: String,
    line: usize,
    done: bool,
}

impl std::fmt::Debug for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("jsonl::Lines").field("path", &self.path).field("line", &self.line).finish()
    }
}

enum Line {
    Text(Vec<u8>),
    TooLong(usize),
    End,
}

impl Lines {
    /// Read `input`, naming it `path` in origins.
    pub fn new(input: Box<dyn BufRead + Send>, path: String) -> Lines {
        Lines { input, path, line: 0, done: false }
    }

    fn read_line(&mut self, limit: usize) -> std::io::Result<Line> {
        let mut out = Vec::new();
        let mut total = 0usize;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(if total == 0 {
                    Line::End
                } else if total > limit {
                    Line::TooLong(total)
                } else {
                    Line::Text(out)
                });
            }
            let (chunk, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], Some(i + 1)),
                None => (buf, None),
            };
            total += chunk.len();
            if total <= limit {
                out.extend_from_slice(chunk);
            } else {
                out = Vec::new();
            }
            let used = found.unwrap_or(buf.len());
            self.input.consume(used);
            if found.is_some() {
                return Ok(if total > limit { Line::TooLong(total) } else { Line::Text(out) });
            }
        }
    }

    /// The next document or error; `None` at the end.
    pub fn next_item(&mut self, options: &ReadOptions) -> Option<Result<Document, ReadError>> {
        while !self.done {
            self.line += 1;
            let origin = format!("{}:{}", self.path, self.line);
            let line = match self.read_line(options.max_document_bytes.saturating_mul(2)) {
                Ok(Line::End) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong(n)) => {
                    return Some(Err(ReadError::new(
                        origin,
                        ReadErrorKind::TooLarge(format!("line of {n} bytes")),
                    )))
                }
                Ok(Line::Text(t)) => t,
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::new(origin, ReadErrorKind::Io(e))));
                }
            };
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            return Some(record(trimmed, origin, options));
        }
        None
    }
}

fn take_string(obj: &mut Map<String, Value>, field: &str) -> Option<String> {
    match obj.remove(field)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => None,
        other => {
            obj.insert(field.to_string(), other);
            None
        }
    }
}

/// Turn one JSON Lines record into a document.
pub fn record(line: &[u8], origin: String, options: &ReadOptions) -> Result<Document, ReadError> {
    let value: Value = serde_json::from_slice(line)
        .map_err(|e| ReadError::new(origin.clone(), ReadErrorKind::Json(e.to_string())))?;
    let Value::Object(mut obj) = value else {
        return Err(ReadError::new(origin, ReadErrorKind::Json("the line is not an object".into())));
    };
    let id = take_string(&mut obj, &options.id_field).unwrap_or_else(|| origin.clone());
    let url = take_string(&mut obj, &options.url_field);
    let html = options.html_field.as_deref().and_then(|f| take_string(&mut obj, f));
    let text = take_string(&mut obj, &options.text_field);
    let mut doc = match (html, text) {
        (Some(html), _) => html_document(id, html.as_bytes(), url.as_deref(), None, origin.clone(), options),
        (None, Some(text)) => text_document(id, &text, origin.clone(), options),
        (None, None) => {
            let wanted = match &options.html_field {
                Some(h) => format!("neither `{}` nor `{h}`", options.text_field),
                None => format!("no `{}` field", options.text_field),
            };
            return Err(ReadError::new(origin, ReadErrorKind::MissingText(wanted)));
        }
    };
    if url.is_some() {
        doc.meta.url = url;
    }
    if let Some(title) = take_string(&mut obj, &options.title_field) {
        doc.meta.title = Some(title.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if let Some(date) = take_string(&mut obj, &options.date_field) {
        match dates::find_date(&date) {
            Some(iso) => doc.meta.published = Some(iso),
            None => {
                doc.diagnose(
                    Severity::Warning,
                    "ingest",
                    format!("date `{date}` could not be read; kept in meta"),
                );
                obj.insert(options.date_field.clone(), Value::String(date));
            }
        }
    }
    match obj.remove(&options.author_field) {
        Some(Value::String(s)) => doc.meta.authors = vec![s],
        Some(Value::Array(a)) => {
            doc.meta.authors = a.iter().filter_map(Value::as_str).map(str::to_string).collect();
        }
        Some(Value::Null) | None => {}
        Some(other) => {
            obj.insert(options.author_field.clone(), other);
        }
    }
    if let Some(outlet) = take_string(&mut obj, &options.outlet_field) {
        doc.meta.outlet = Some(outlet);
    }
    if let Some(lang) = take_string(&mut obj, &options.language_field) {
        if doc.meta.language.is_none() || !options.detect_language {
            doc.meta.language = crate::language::declared_code(&lang).or(Some(lang));
        }
    }
    doc.meta.extra = obj;
    Ok(doc)
}
