//! Reader options: input format, JSON Lines field names and cleaning switches.

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: one document per file (or per standard input).
    Text,
    /// JSON Lines: one JSON object per line, one document per object.
    JsonLines,
    /// One HTML page per file.
    Html,
    /// WARC or WARC.gz: one document per HTML (or plain-text) response or resource record.
    Warc,
}

impl Format {
    /// The format's name as users type it (`text`, `jsonl`, `html`, `warc`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::Warc => "warc",
        }
    }

    /// Parse a format name (`text`/`txt`, `jsonl`/`ndjson`, `html`, `warc`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "jsonl" | "jsonlines" | "ndjson" | "json" => Some(Format::JsonLines),
            "html" | "htm" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// How to read inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Force a format; `None` detects it by file extension, then by sniffing the content.
    pub format: Option<Format>,
    /// JSON Lines: field holding the document id.
    pub id_field: String,
    /// JSON Lines: field holding plain text.
    pub text_field: String,
    /// JSON Lines: field holding raw HTML, extracted like an HTML page (used when present).
    pub html_field: Option<String>,
    /// JSON Lines: field holding the URL.
    pub url_field: String,
    /// JSON Lines: field holding the headline.
    pub title_field: String,
    /// JSON Lines: field holding the publication date.
    pub date_field: String,
    /// JSON Lines: field holding the author or authors (a string or an array of strings).
    pub author_field: String,
    /// JSON Lines: field holding the outlet name.
    pub outlet_field: String,
    /// JSON Lines: field holding a declared language code.
    pub language_field: String,
    /// Drop page debris (repeated headlines, share and cookie lines, copyright notices) from
    /// plain text.
    pub clean_text: bool,
    /// Detect the language of every document (and warn about non-English ones).
    pub detect_language: bool,
    /// Pages, text files and records larger than this many bytes are cut to this size, with
    /// a warning.
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            id_field: "id".into(),
            text_field: "text".into(),
            html_field: None,
            url_field: "url".into(),
            title_field: "title".into(),
            date_field: "date".into(),
            author_field: "author".into(),
            outlet_field: "outlet".into(),
            language_field: "language".into(),
            clean_text: true,
            detect_language: true,
            max_document_bytes: 8 << 20,
        }
    }
}
