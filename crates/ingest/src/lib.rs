//! newsgraph-ingest: read news as it comes — HTML pages and folders of them, WARC and
//! WARC.gz files, JSON Lines exports, plain text, standard input — and turn each article into
//! a [`newsgraph_model::Document`] with clean text and metadata.

pub mod charset;
pub mod dates;
pub mod debris;
pub mod dedup;
pub mod error;
pub mod evaluation;
pub mod html;
pub mod language;
pub mod options;

pub use error::{ReadError, ReadErrorKind};
pub use dedup::{Deduplicator, Duplicate};
pub use options::{Format, ReadOptions};

mod document;
pub mod gzip;
pub mod jsonl;
mod reader;
pub mod warc;

pub use reader::{format_from_name, sniff, Documents, ReadStats};

use std::path::PathBuf;

/// Read documents from files, directories (recursively) and standard input (`-`).
///
/// Nothing is read until the iterator is advanced; memory stays bounded by the largest
/// single document, not the size of the input. Each item is a document or an error that
/// names its origin; iteration continues after an error.
pub fn read(inputs: &[PathBuf], options: &ReadOptions) -> Documents {
    Documents::new(inputs, options)
}
