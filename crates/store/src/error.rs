//! Errors of the store: opening or writing the file, and questions that cannot be asked.
//!
//! A question with bad parameters is a [`StoreError::BadQuery`] (the server answers 400 with
//! its message); everything else is a fault of the file or the database engine.

use std::path::PathBuf;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database engine reported an error.
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The store file could not be opened or created.
    #[error("cannot open store `{path}`: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The file is a newsgraph store of a schema this version does not read.
    #[error("store `{path}` has schema version {found}; this newsgraph reads version {expected}")]
    SchemaVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The version this code writes.
        expected: i64,
    },
    /// A stored record could not be decoded.
    #[error("stored record of document `{id}` is damaged: {message}")]
    Record {
        /// The document.
        id: String,
        /// What failed.
        message: String,
    },
    /// A question was asked with parameters that make no sense; the message says which.
    #[error("{0}")]
    BadQuery(String),
    /// An export could not be written.
    #[error("cannot write export: {0}")]
    Write(#[source] std::io::Error),
    /// A worker thread of an ingest stopped unexpectedly.
    #[error("ingest worker stopped: {0}")]
    Worker(String),
}

impl StoreError {
    /// True when the caller asked a bad question (as opposed to a fault of the store).
    pub fn is_bad_query(&self) -> bool {
        matches!(self, StoreError::BadQuery(_))
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;
