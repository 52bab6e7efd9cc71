//! newsgraph-store: an embedded store of analysed articles in one SQLite file, with full-text
//! search, the questions people ask of a corpus, and a parallel, resumable ingest into it.
//!
//! The file keeps each document's full `newsgraph/1` record beside normalised tables
//! (documents, entities, mentions, quotes, attributions, events) and FTS5 indexes over article
//! and claim text. It runs in write-ahead-log mode: one writer, any number of readers that
//! never wait for it, and a writer killed at any moment loses nothing it had committed.
//! It knows nothing of readers or the analysis pipeline: [`ingest::run`] takes both as
//! arguments. `docs/store.md` describes the tables.
//!
//! ```
//! use newsgraph_model::Document;
//! use newsgraph_store::{questions::SearchQuery, Store};
//!
//! let mut store = Store::in_memory().unwrap();
//! let mut doc = Document::new("d1", "Talks on the Nile dam resumed in Cairo.");
//! doc.meta.published = Some("2026-03-02".into());
//! store.write_documents(vec![doc.clone()]).unwrap();
//! // Idempotent: the same document again is left alone.
//! assert_eq!(store.write_documents(vec![doc]).unwrap().unchanged, 1);
//! let hits = store.search(&SearchQuery::new("nile dam")).unwrap();
//! assert_eq!(hits.items[0].id, "d1");
//! ```

mod error;
pub mod export;
pub mod identity;
pub mod ingest;
pub mod names;
pub mod questions;
pub mod schema;
mod write;

pub use error::{Result, StoreError};
pub use identity::ContentHash;
pub use write::{BatchOutcome, Incoming, Seen};

use newsgraph_model::{wire, Document};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// The file name used when no store is named.
pub const DEFAULT_FILE: &str = "newsgraph.db";

/// An open store: one connection to the file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// People's names folded across documents, with the state of the store they were made from.
    folds: std::sync::Mutex<Option<(FoldStamp, std::sync::Arc<names::NameFolds>)>>,
}

/// What changes when anyone commits: `PRAGMA data_version` (other connections) and this
/// connection's own count of changes.
type FoldStamp = (i64, u64);

impl Store {
    /// Open a store for reading and writing, creating the file and its tables if needed.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.into(), source })?;
        let store = Store { conn, path: Some(path.into()), folds: Default::default() };
        store.prepare(false)?;
        Ok(store)
    }

    /// Open an existing store for reading only (for servers and queries beside a running ingest).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags =
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| StoreError::Open { path: path.into(), source })?;
        let store = Store { conn, path: Some(path.into()), folds: Default::default() };
        store.prepare(true)?;
        Ok(store)
    }

    /// A store in memory, for tests.
    pub fn in_memory() -> Result<Store> {
        let store = Store { conn: Connection::open_in_memory()?, path: None, folds: Default::default() };
        store.prepare(false)?;
        Ok(store)
    }

    fn prepare(&self, read_only: bool) -> Result<()> {
        schema::configure(&self.conn, read_only)?;
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let has_tables: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'documents'",
            [],
            |r| r.get(0),
        )?;
        if has_tables && version == 2 && !read_only {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute_batch(schema::MIGRATE_2_TO_3)?;
            tx.pragma_update(None, "user_version", schema::SCHEMA_VERSION)?;
            tx.commit()?;
            return Ok(());
        }
        let readable = (schema::OLDEST_READABLE_VERSION..=schema::SCHEMA_VERSION).contains(&version);
        if has_tables && !(readable && (read_only || version == schema::SCHEMA_VERSION))
            || !has_tables && version != 0
        {
            return Err(StoreError::SchemaVersion {
                path: self.path.clone().unwrap_or_default(),
                found: version,
                expected: schema::SCHEMA_VERSION,
            });
        }
        if !has_tables {
            if read_only {
                return Err(StoreError::Open {
                    path: self.path.clone().unwrap_or_default(),
                    source: rusqlite::Error::InvalidQuery,
                });
            }
            self.conn.execute_batch(schema::DDL)?;
            self.conn.pragma_update(None, "user_version", schema::SCHEMA_VERSION)?;
        }
        Ok(())
    }

    /// The file, if the store is on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying connection, for questions this crate does not ask.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How people's names fold across documents (see [`names`]), worked out from the speaker
    /// totals and kept until the store changes.
    pub fn name_folds(&self) -> Result<std::sync::Arc<names::NameFolds>> {
        let stamp: FoldStamp =
            (self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?, self.conn.total_changes());
        let mut cached = self.folds.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((at, folds)) = cached.as_ref() {
            if *at == stamp {
                return Ok(folds.clone());
            }
        }
        let mut statement = self.conn.prepare_cached("SELECT name, n FROM speaker_totals WHERE n > 0")?;
        let counts = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let folds = std::sync::Arc::new(names::NameFolds::new(
            counts.iter().map(|(name, n)| (name.as_str(), (*n).max(0) as u64)),
        ));
        *cached = Some((stamp, folds.clone()));
        Ok(folds)
    }

    /// Number of documents stored.
    pub fn count(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// The stored record of a document, by id.
    pub fn record(&self, id: &str) -> Result<Option<wire::Record>> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT record, text FROM documents WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(json, text)| decode_record(id, &json, text)).transpose()
    }

    /// The stored document, by id, rebuilt from its record.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        Ok(self.record(id)?.map(wire::Record::into_document))
    }
}

/// A record as stored (without its text, kept in its own column) made whole again.
pub(crate) fn decode_record(id: &str, json: &str, text: String) -> Result<wire::Record> {
    let mut record: wire::Record = serde_json::from_str(json)
        .map_err(|e| StoreError::Record { id: id.to_string(), message: e.to_string() })?;
    record.text = text;
    Ok(record)
}
