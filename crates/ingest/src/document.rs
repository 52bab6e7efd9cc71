//! Building documents from one input item: plain text, an HTML page, a WARC record.
//!
//! Shared by all readers so that every document gets the same treatment: text cleaned or
//! extracted, metadata set, language detected, problems turned into diagnostics.

use crate::{debris, html, language, ReadOptions};
use newsgraph_model::{Document, Severity};

/// The stage name on diagnostics raised while reading.
pub const STAGE: &str = "ingest";

/// A document from plain text.
pub fn text_document(id: String, raw: &str, origin: String, options: &ReadOptions) -> Document {
    let cleaned = debris::clean_plain_text(raw, options.clean_text);
    let mut doc = Document::new(id, cleaned.text);
    doc.meta.origin = Some(origin);
    doc.meta.title = cleaned.title;
    if cleaned.dropped > 0 {
        doc.diagnose(Severity::Info, STAGE, format!("{} lines of page debris dropped", cleaned.dropped));
    }
    finish(&mut doc, None, options);
    doc
}

/// A document from an HTML page.
pub fn html_document(
    id: String,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
    origin: String,
    options: &ReadOptions,
) -> Document {
    let page = html::extract(bytes, &html::Hints { url, content_type });
    let mut doc = Document::new(id, page.text);
    doc.meta.origin = Some(origin);
    doc.meta.title = page.title;
    doc.meta.published = page.published;
    doc.meta.authors = page.authors;
    doc.meta.outlet = page.outlet;
    doc.meta.url = page.url;
    for note in page.notes {
        let severity = if note.starts_with("no main text") { Severity::Warning } else { Severity::Info };
        doc.diagnose(severity, STAGE, note);
    }
    finish(&mut doc, page.declared_language.as_deref(), options);
    doc
}

fn finish(doc: &mut Document, declared_language: Option<&str>, options: &ReadOptions) {
    if doc.text.trim().is_empty() {
        doc.diagnose(Severity::Warning, STAGE, "no text");
    }
    if options.detect_language {
        language::assign(doc, declared_language);
    } else if let Some(code) = declared_language.and_then(language::declared_code) {
        doc.meta.language = Some(code);
    }
}
