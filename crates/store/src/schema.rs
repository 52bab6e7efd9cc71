//! The store's tables, indexes and connection settings, created on first open.
//!
//! All spans in the tables are `[start, end)` character offsets into `documents.text`, as on
//! the wire, so `substr(text, start + 1, end - start)` in SQLite gives the words. Names are
//! compared without regard to case. Each table repeats the document's day, outlet and
//! duplicate flag so that the questions read one index, not a join. `docs/store.md`
//! describes every column.

use rusqlite::Connection;

/// Version of the table layout written in `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 3;

/// The tables and indexes (idempotent).
pub const DDL: &str = r#"
CREATE TABLE IF NOT EXISTS documents (
    doc          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    hash         BLOB NOT NULL,
    text_hash    BLOB NOT NULL,
    url          TEXT,
    outlet       TEXT COLLATE NOCASE,
    title        TEXT,
    published    TEXT,
    day          TEXT,
    language     TEXT,
    origin       TEXT,
    duplicate_of TEXT,
    dup          INTEGER NOT NULL DEFAULT 0,
    text         TEXT NOT NULL,
    record       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents(text_hash);
CREATE INDEX IF NOT EXISTS documents_day ON documents(day);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet, day);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS entities (
    doc         INTEGER NOT NULL,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL COLLATE NOCASE,
    kind        TEXT NOT NULL,
    actor       TEXT,
    mentions    INTEGER NOT NULL,
    descriptors TEXT NOT NULL,
    day         TEXT,
    dup         INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_person ON entities(name, day, dup, kind);

CREATE TABLE IF NOT EXISTS mentions (
    doc    INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    PRIMARY KEY (doc, entity, start)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes (
    doc          INTEGER NOT NULL,
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    speaker      INTEGER,
    speaker_name TEXT COLLATE NOCASE,
    speaker_kind TEXT,
    attribution  INTEGER,
    text         TEXT NOT NULL,
    day          TEXT,
    outlet       TEXT COLLATE NOCASE,
    dup          INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes(speaker_name, day, dup);
CREATE INDEX IF NOT EXISTS quotes_top ON quotes(speaker_kind, dup, day, speaker_name);

CREATE TABLE IF NOT EXISTS attributions (
    claim         INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    cue           TEXT,
    source_kind   TEXT NOT NULL,
    source_entity INTEGER,
    source_name   TEXT COLLATE NOCASE,
    source_text   TEXT,
    anonymous     INTEGER NOT NULL,
    status        TEXT NOT NULL,
    parent        INTEGER,
    via           TEXT,
    hedge         TEXT,
    text          TEXT NOT NULL,
    day           TEXT,
    outlet        TEXT COLLATE NOCASE,
    dup           INTEGER NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX IF NOT EXISTS attributions_kind ON attributions(source_kind, day);
CREATE INDEX IF NOT EXISTS attributions_outlet ON attributions(outlet, day, source_kind);
CREATE INDEX IF NOT EXISTS attributions_source ON attributions(source_name, day);

CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    text, content = 'attributions', content_rowid = 'claim',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS events (
    doc          INTEGER NOT NULL,
    idx          INTEGER NOT NULL,
    source_code  TEXT NOT NULL,
    source_name  TEXT COLLATE NOCASE,
    target_code  TEXT NOT NULL,
    target_name  TEXT COLLATE NOCASE,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    goldstein    REAL NOT NULL,
    quad_class   INTEGER NOT NULL,
    plover       TEXT NOT NULL,
    negated      INTEGER NOT NULL,
    modality     TEXT NOT NULL,
    attribution  INTEGER,
    cue          TEXT NOT NULL,
    day          TEXT,
    dup          INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_pair ON events(source_code, target_code, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, source_code, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);

-- Aggregates kept by the writer in the same transaction as the rows they count (documents
-- not marked as duplicates only; '' stands for no day or no outlet): the rankings and the
-- network read these instead of grouping a million rows.
CREATE TABLE IF NOT EXISTS speaker_days (
    name TEXT NOT NULL COLLATE NOCASE, day TEXT NOT NULL, outlet TEXT NOT NULL COLLATE NOCASE,
    n INTEGER NOT NULL, docs INTEGER NOT NULL,
    PRIMARY KEY (name, day, outlet)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_days_day ON speaker_days(day, name, n, docs);
CREATE INDEX IF NOT EXISTS speaker_days_outlet ON speaker_days(outlet, day, name, n, docs);
CREATE TABLE IF NOT EXISTS speaker_totals (
    name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, n INTEGER NOT NULL, docs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_totals_n ON speaker_totals(n DESC, name);

CREATE TABLE IF NOT EXISTS actor_days (
    code TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, docs INTEGER NOT NULL, gsum REAL NOT NULL,
    PRIMARY KEY (code, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_days_day ON actor_days(day, code, n, docs, gsum);
CREATE TABLE IF NOT EXISTS actor_totals (
    code TEXT NOT NULL PRIMARY KEY, n INTEGER NOT NULL, docs INTEGER NOT NULL, gsum REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_totals_n ON actor_totals(n DESC, code);

CREATE TABLE IF NOT EXISTS pair_days (
    source TEXT NOT NULL, target TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, gsum REAL NOT NULL,
    PRIMARY KEY (source, target, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pair_days_day ON pair_days(day, source, target, n, gsum);
CREATE TABLE IF NOT EXISTS pair_totals (
    source TEXT NOT NULL, target TEXT NOT NULL, n INTEGER NOT NULL, gsum REAL NOT NULL,
    PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pair_totals_n ON pair_totals(n DESC, source, target);
"#;

/// From layout 2 to 3: the name indexes of entities and quotations also hold what a person's
/// page counts (duplicate flag, entity type), so that page reads no table rows for its counts
/// and timeline.
pub const MIGRATE_2_TO_3: &str = r#"
DROP INDEX IF EXISTS entities_name;
CREATE INDEX IF NOT EXISTS entities_person ON entities(name, day, dup, kind);
DROP INDEX IF EXISTS quotes_speaker;
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes(speaker_name, day, dup);
"#;

/// The oldest layout that can still be read as it is (its questions give the same answers,
/// some more slowly) and be brought up to date by opening it for writing.
pub const OLDEST_READABLE_VERSION: i64 = 2;

/// Add (`sign` = 1) or take away (`sign` = -1) one document's rows in the aggregate tables.
/// Reads the document's own quotation and event rows, so it runs after they are written and
/// before they are deleted. The unary `+` keeps SQLite on the primary key (`doc = ?`) instead
/// of an index on the flags, which would scan every document's rows.
pub const AGGREGATE: &str = r#"
INSERT INTO speaker_days (name, day, outlet, n, docs)
    SELECT speaker_name, coalesce(day, ''), coalesce(outlet, ''), ?2 * count(*), ?2 FROM quotes
    WHERE doc = ?1 AND +dup = 0 AND +speaker_kind = 'PERSON' AND speaker_name IS NOT NULL GROUP BY speaker_name
    ON CONFLICT DO UPDATE SET n = n + excluded.n, docs = docs + excluded.docs;
INSERT INTO speaker_totals (name, n, docs)
    SELECT speaker_name, ?2 * count(*), ?2 FROM quotes
    WHERE doc = ?1 AND +dup = 0 AND +speaker_kind = 'PERSON' AND speaker_name IS NOT NULL GROUP BY speaker_name
    ON CONFLICT DO UPDATE SET n = n + excluded.n, docs = docs + excluded.docs;
INSERT INTO actor_days (code, day, n, docs, gsum)
    SELECT code, d, ?2 * count(*), ?2, ?2 * sum(g) FROM (
        SELECT source_code AS code, coalesce(day, '') AS d, goldstein AS g FROM events WHERE doc = ?1 AND +dup = 0 AND source_code <> ''
        UNION ALL
        SELECT target_code, coalesce(day, ''), goldstein FROM events WHERE doc = ?1 AND +dup = 0 AND target_code <> '')
    WHERE 1 GROUP BY code
    ON CONFLICT DO UPDATE SET n = n + excluded.n, docs = docs + excluded.docs, gsum = gsum + excluded.gsum;
INSERT INTO actor_totals (code, n, docs, gsum)
    SELECT code, ?2 * count(*), ?2, ?2 * sum(g) FROM (
        SELECT source_code AS code, goldstein AS g FROM events WHERE doc = ?1 AND +dup = 0 AND source_code <> ''
        UNION ALL
        SELECT target_code, goldstein FROM events WHERE doc = ?1 AND +dup = 0 AND target_code <> '')
    WHERE 1 GROUP BY code
    ON CONFLICT DO UPDATE SET n = n + excluded.n, docs = docs + excluded.docs, gsum = gsum + excluded.gsum;
INSERT INTO pair_days (source, target, day, n, gsum)
    SELECT source_code, target_code, coalesce(day, ''), ?2 * count(*), ?2 * sum(goldstein) FROM events
    WHERE doc = ?1 AND +dup = 0 AND source_code <> '' AND target_code <> '' GROUP BY source_code, target_code
    ON CONFLICT DO UPDATE SET n = n + excluded.n, gsum = gsum + excluded.gsum;
INSERT INTO pair_totals (source, target, n, gsum)
    SELECT source_code, target_code, ?2 * count(*), ?2 * sum(goldstein) FROM events
    WHERE doc = ?1 AND +dup = 0 AND source_code <> '' AND target_code <> '' GROUP BY source_code, target_code
    ON CONFLICT DO UPDATE SET n = n + excluded.n, gsum = gsum + excluded.gsum;
"#;

/// Settings for every connection: write-ahead log (readers never wait for the writer and a
/// killed process loses nothing it committed), a bounded page cache, a busy wait.
pub fn configure(conn: &Connection, read_only: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    // NORMAL in WAL mode: a commit survives the process being killed; only a power loss can
    // take back the last transactions.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -32_768)?; // 32 MiB
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}
