//! The newsgraph document model: one article's text and every annotation the engine makes on
//! it, the pipeline that makes them, and the `newsgraph/1` JSON schema.
//!
//! This crate knows nothing of files, models or rules; every other crate builds on it.
//!
//! ```
//! use newsgraph_model::{Document, Span, wire};
//!
//! let doc = Document::new("a1", "“No comment,” said the spokesman.");
//! assert_eq!(doc.slice(Span::new(3, 13)), "No comment");
//! let line = wire::Record::from_document(&doc, wire::Options::default()).to_json_line();
//! assert!(line.contains(r#""schema":"newsgraph/1""#));
//! ```

mod attribution;
mod diagnostic;
mod document;
mod entity;
mod event;
pub mod pipeline;
mod span;
mod token;
pub mod wire;

pub use attribution::{Attribution, Quote, QuoteKind, Source, SourceKind, Status};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{tokens_in, Document, Metadata, QuotedText, Sentence};
pub use entity::{Entity, EntityKind, Mention, MentionKind};
pub use event::{Event, EventActor, Modality};
pub use pipeline::{Component, Layer, Pipeline};
pub use span::{CharIndex, Span};
pub use token::{DepRel, Tag, Token, Upos};
