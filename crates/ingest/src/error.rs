//! Read errors: what went wrong with one input record, and where.
//!
//! An error names its origin (`path`, `path:line` or `path#record`) so that a user can find
//! the bad record; the reader then carries on with the next record or file.

use std::fmt;

/// What kind of problem stopped a record from becoming a document.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The file or stream could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A JSON Lines record is not a JSON object.
    #[error("not a JSON object: {0}")]
    Json(String),
    /// A record has none of the fields that could hold its text.
    #[error("no text: {0}")]
    MissingText(String),
    /// A file named like a text or HTML file holds binary data.
    #[error("binary content, not text or HTML")]
    Binary,
    /// The input is empty.
    #[error("empty input")]
    Empty,
    /// A WARC record or header could not be parsed.
    #[error("malformed WARC record: {0}")]
    Warc(String),
    /// A compressed stream is damaged.
    #[error("damaged gzip data: {0}")]
    Gzip(String),
    /// A record or line is larger than the reader accepts.
    #[error("record too large: {0}")]
    TooLarge(String),
}

/// A record or file that could not be read, with its origin.
#[derive(Debug)]
pub struct ReadError {
    /// Where: `path`, `path:line` or `path#record` (`-` is standard input).
    pub origin: String,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// An error at `origin`.
    pub fn new(origin: impl Into<String>, kind: ReadErrorKind) -> ReadError {
        ReadError { origin: origin.into(), kind }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.kind)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
