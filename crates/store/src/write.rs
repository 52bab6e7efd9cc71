//! Writing analysed documents: one transaction per batch, each document's normalised rows
//! and full record together, so a batch is stored whole or not at all.
//!
//! A document whose id is stored with the same content hash is left alone; one whose content
//! changed replaces the stored one (rows, record and search index). A text already stored
//! under another id marks the newcomer as a duplicate of it, unless the reader already said
//! which document it duplicates.

use crate::identity::{day_of, ContentHash};
use crate::{Result, Store};
use newsgraph_model::{wire, CharIndex, Document, Span};
use rusqlite::{params, OptionalExtension, Transaction};

/// A document ready to be stored, with the hash of its content as read (before analysis).
#[derive(Clone, Debug)]
pub struct Incoming {
    /// Hash of the text and metadata as the reader gave them.
    pub hash: ContentHash,
    /// The analysed document.
    pub doc: Document,
}

impl Incoming {
    /// Hash a document as it is now (call before analysis).
    pub fn new(doc: Document) -> Incoming {
        Incoming { hash: ContentHash::of(&doc), doc }
    }
}

/// What became of the documents of one batch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Stored for the first time.
    pub stored: u64,
    /// Stored before with other content, now replaced.
    pub replaced: u64,
    /// Stored before with the same content: left alone.
    pub unchanged: u64,
    /// Of those stored or replaced, how many are marked as duplicates of another document.
    pub duplicates: u64,
}

impl BatchOutcome {
    /// Add another batch's counts.
    pub fn add(&mut self, other: BatchOutcome) {
        self.stored += other.stored;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.duplicates += other.duplicates;
    }
}

/// Whether a document is in the store, judged by id and content hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// No document with this id.
    New,
    /// Stored with the same content.
    Unchanged,
    /// Stored with other content.
    Changed,
}

impl Store {
    /// Whether the store holds this document, and with the same content.
    pub fn seen(&self, id: &str, hash: ContentHash) -> Result<Seen> {
        let mut stmt = self.conn.prepare_cached("SELECT hash FROM documents WHERE id = ?1")?;
        let stored: Option<Vec<u8>> = stmt.query_row([id], |r| r.get(0)).optional()?;
        Ok(match stored {
            None => Seen::New,
            Some(h) if h == hash.0 => Seen::Unchanged,
            Some(_) => Seen::Changed,
        })
    }

    /// Store a batch of analysed documents in one transaction.
    pub fn write_batch(&mut self, batch: &mut [Incoming]) -> Result<BatchOutcome> {
        self.write(batch, false)
    }

    /// Store a batch in one transaction, replacing stored documents even when their content
    /// is unchanged (after a change of the analysis).
    pub fn replace_batch(&mut self, batch: &mut [Incoming]) -> Result<BatchOutcome> {
        self.write(batch, true)
    }

    fn write(&mut self, batch: &mut [Incoming], force: bool) -> Result<BatchOutcome> {
        let tx = self.conn.transaction()?;
        let mut outcome = BatchOutcome::default();
        for incoming in batch.iter_mut() {
            write_one(&tx, incoming, force, &mut outcome)?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Store documents as they are, hashing each one now (for tests and small imports of
    /// already analysed records).
    pub fn write_documents(&mut self, docs: Vec<Document>) -> Result<BatchOutcome> {
        let mut batch: Vec<Incoming> = docs.into_iter().map(Incoming::new).collect();
        self.write_batch(&mut batch)
    }
}

fn write_one(
    tx: &Transaction<'_>,
    incoming: &mut Incoming,
    force: bool,
    outcome: &mut BatchOutcome,
) -> Result<()> {
    let doc = &mut incoming.doc;
    let existing: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT doc, hash FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match existing {
        Some((_, hash)) if hash == incoming.hash.0 && !force => {
            outcome.unchanged += 1;
            return Ok(());
        }
        Some((rowid, _)) => {
            delete_document(tx, rowid)?;
            outcome.replaced += 1;
        }
        None => outcome.stored += 1,
    }
    let text_hash = ContentHash::of_text(&doc.text);
    if doc.meta.duplicate_of.is_none() {
        doc.meta.duplicate_of = tx
            .prepare_cached(
                "SELECT id FROM documents WHERE text_hash = ?1 AND id <> ?2 ORDER BY doc LIMIT 1",
            )?
            .query_row(params![&text_hash.0[..], &doc.id], |r| r.get(0))
            .optional()?;
    }
    let dup = doc.meta.duplicate_of.is_some();
    if dup {
        outcome.duplicates += 1;
    }
    let day = day_of(doc.meta.published.as_deref());
    let outlet = doc.meta.outlet.clone();

    let mut record = wire::Record::from_document(doc, wire::Options::default());
    record.text = String::new();
    let record_json = serde_json::to_string(&record)
        .map_err(|e| crate::StoreError::Record { id: doc.id.clone(), message: e.to_string() })?;
    let meta = &doc.meta;
    tx.prepare_cached(
        "INSERT INTO documents (id, hash, text_hash, url, outlet, title, published, day, language, origin,
                                duplicate_of, dup, text, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        &doc.id,
        &incoming.hash.0[..],
        &text_hash.0[..],
        meta.url,
        meta.outlet,
        meta.title,
        meta.published,
        day,
        meta.language,
        meta.origin,
        meta.duplicate_of,
        dup,
        &doc.text,
        record_json,
    ])?;
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, meta.title.as_deref().unwrap_or(""), &doc.text])?;
    write_rows(tx, rowid, doc, day.as_deref(), outlet.as_deref(), dup)?;
    aggregate(tx, rowid, 1)
}

/// Count (or uncount) a document in the aggregate tables.
fn aggregate(tx: &Transaction<'_>, rowid: i64, sign: i64) -> Result<()> {
    for statement in crate::schema::AGGREGATE.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        tx.prepare_cached(statement)?.execute(params![rowid, sign])?;
    }
    Ok(())
}

/// The normalised rows of one document.
fn write_rows(
    tx: &Transaction<'_>,
    rowid: i64,
    doc: &Document,
    day: Option<&str>,
    outlet: Option<&str>,
    dup: bool,
) -> Result<()> {
    let index = CharIndex::new(&doc.text);
    let text = |span: Span| doc.slice(span);
    let entity_name = |e: Option<u32>| e.and_then(|e| doc.entities.get(e as usize)).map(|e| e.name.as_str());

    let mut entity_stmt = tx.prepare_cached(
        "INSERT INTO entities (doc, idx, name, kind, actor, mentions, descriptors, day, dup)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut mention_stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO mentions (doc, entity, start, end, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, e) in doc.entities.iter().enumerate() {
        let descriptors = serde_json::to_string(&e.descriptors).unwrap_or_else(|_| "[]".into());
        entity_stmt.execute(params![
            rowid,
            i as i64,
            e.name,
            e.kind.as_str(),
            e.actor,
            e.mentions.len() as i64,
            descriptors,
            day,
            dup
        ])?;
        for m in e.mentions.iter().filter_map(|&m| doc.mentions.get(m as usize)) {
            let [start, end] = index.chars(m.span);
            mention_stmt.execute(params![rowid, i as i64, start, end, m.kind.as_str()])?;
        }
    }

    let mut quote_stmt = tx.prepare_cached(
        "INSERT INTO quotes (doc, idx, start, end, kind, speaker, speaker_name, speaker_kind, attribution,
                             text, day, outlet, dup)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (i, q) in doc.quotes.iter().enumerate() {
        let [start, end] = index.chars(q.span);
        let speaker = q.speaker.and_then(|e| doc.entities.get(e as usize));
        quote_stmt.execute(params![
            rowid,
            i as i64,
            start,
            end,
            q.kind.as_str(),
            q.speaker.filter(|_| speaker.is_some()),
            speaker.map(|e| e.name.as_str()),
            speaker.map(|e| e.kind.as_str()),
            q.attribution,
            text(q.span),
            day,
            outlet,
            dup
        ])?;
    }

    let mut claim_stmt = tx.prepare_cached(
        "INSERT INTO attributions (doc, idx, start, end, cue, source_kind, source_entity, source_name,
                                   source_text, anonymous, status, parent, via, hedge, text, day, outlet, dup)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut claim_fts = tx.prepare_cached("INSERT INTO claims_fts (rowid, text) VALUES (?1, ?2)")?;
    for (i, a) in doc.attributions.iter().enumerate() {
        let [start, end] = index.chars(a.content);
        let source_text = a.source.mention.map(text);
        let source_name = entity_name(a.source.entity).or(source_text);
        let content = text(a.content);
        claim_stmt.execute(params![
            rowid,
            i as i64,
            start,
            end,
            a.cue.map(text),
            a.source.kind.as_str(),
            a.source.entity.filter(|&e| (e as usize) < doc.entities.len()),
            source_name,
            source_text,
            a.source.anonymous,
            a.status.as_str(),
            a.parent,
            a.via.map(text),
            a.hedge.map(text),
            content,
            day,
            outlet,
            dup
        ])?;
        claim_fts.execute(params![tx.last_insert_rowid(), content])?;
    }

    let mut event_stmt = tx.prepare_cached(
        "INSERT INTO events (doc, idx, source_code, source_name, target_code, target_name, cameo, root,
                             goldstein, quad_class, plover, negated, modality, attribution, cue, day, dup)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for (i, v) in doc.events.iter().enumerate() {
        let target = v.target.as_ref();
        let side_name = |a: &newsgraph_model::EventActor| {
            entity_name(a.entity).map(str::to_string).or_else(|| a.mention.map(|m| text(m).to_string()))
        };
        event_stmt.execute(params![
            rowid,
            i as i64,
            v.source.code,
            side_name(&v.source),
            target.map(|t| t.code.as_str()).unwrap_or(""),
            target.and_then(side_name),
            v.cameo,
            v.cameo.get(..2).unwrap_or(&v.cameo),
            f64::from(v.goldstein),
            v.quad_class,
            v.plover,
            v.negated,
            v.modality.as_str(),
            v.attribution,
            text(v.cue),
            day,
            dup
        ])?;
    }
    Ok(())
}

/// Remove a stored document and everything derived from it.
fn delete_document(tx: &Transaction<'_>, rowid: i64) -> Result<()> {
    aggregate(tx, rowid, -1)?;
    let (title, text): (Option<String>, String) =
        tx.query_row("SELECT title, text FROM documents WHERE doc = ?1", [rowid], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    tx.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
        params![rowid, title.unwrap_or_default(), text],
    )?;
    {
        let mut claims = tx.prepare("SELECT claim, text FROM attributions WHERE doc = ?1")?;
        let rows = claims
            .query_map([rowid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (claim, text) in rows {
            tx.execute(
                "INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', ?1, ?2)",
                params![claim, text],
            )?;
        }
    }
    for table in ["entities", "mentions", "quotes", "attributions", "events", "documents"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [rowid])?;
    }
    Ok(())
}
