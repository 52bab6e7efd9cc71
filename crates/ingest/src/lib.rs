//! newsgraph-ingest: read news as it comes — HTML pages and folders of them, WARC and
//! WARC.gz files, JSON Lines exports, plain text, standard input — and turn each article into
//! a [`newsgraph_model::Document`] with clean text and metadata.
//!
//! [`read`] streams documents from paths (`-` is standard input); [`html::extract`] reads one
//! page; [`debris::clean_plain_text`] cleans scraped text; [`Deduplicator`] links copies.
//! It does no linguistic analysis: that is the pipeline's job. `docs/ingest.md` describes the
//! rules and the measured figures.
//!
//! ```
//! use newsgraph_ingest::{debris, html};
//!
//! let page = br#"<html lang="en"><head><title>Storm hits coast | The Daily</title>
//!   <meta property="article:published_time" content="2022-03-14T09:30:00Z"></head>
//!   <body><nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>
//!   <p>The storm arrived on Monday, bringing heavy rain and strong winds to the coast.</p>
//!   <p>Share this article</p></article><footer>&copy; 2022 The Daily</footer></body></html>"#;
//! let article = html::extract(page, &html::Hints::default());
//! assert_eq!(article.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(article.published.as_deref(), Some("2022-03-14T09:30:00Z"));
//! assert_eq!(article.text, "The storm arrived on Monday, bringing heavy rain and strong winds to the coast.");
//!
//! let cleaned = debris::clean_plain_text("Title\n\nTitle\n\nBody text.\n\nShare:\n", true);
//! assert_eq!((cleaned.title.as_deref(), cleaned.text.as_str()), (Some("Title"), "Body text."));
//! ```

pub mod charset;
pub mod dates;
pub mod debris;
pub mod dedup;
pub mod error;
pub mod evaluation;
pub mod html;
pub mod language;
pub mod options;

pub use dedup::{Deduplicator, Duplicate};
pub use error::{ReadError, ReadErrorKind};
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
