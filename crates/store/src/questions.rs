//! The questions people ask of a corpus, as typed parameters and typed answers: full-text
//! search, quotations by speaker, claims by source kind, events between actors by day, the
//! most quoted people and most active actors, an outlet's sourcing profile, and the pages
//! about one person or actor.
//!
//! Every parameter reaches SQLite as a bound value, never as SQL text; user search syntax is
//! rewritten into a quoted FTS5 expression first. Bad parameters are
//! [`StoreError::BadQuery`]s with a message for people. Aggregates leave out documents marked
//! as duplicates of another (the same wire story on twenty sites counts once), except the
//! sourcing profile of an outlet, which describes everything the outlet published.

use crate::{Result, Store, StoreError};
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Largest `limit` a question accepts.
pub const MAX_LIMIT: u32 = 1000;
/// `limit` when none is given.
pub const DEFAULT_LIMIT: u32 = 20;

/// A range of days, both ends included; either end may be open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default)]
    pub to: Option<String>,
}

impl Period {
    /// Check both ends.
    pub fn validate(&self) -> Result<()> {
        for (name, value) in [("from", &self.from), ("to", &self.to)] {
            if let Some(v) = value {
                if crate::identity::day_of(Some(v)).as_deref() != Some(v.as_str()) {
                    return Err(StoreError::BadQuery(format!(
                        "`{name}` must be a date as YYYY-MM-DD, not `{v}`"
                    )));
                }
            }
        }
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            if from > to {
                return Err(StoreError::BadQuery(format!("`from` ({from}) is after `to` ({to})")));
            }
        }
        Ok(())
    }

    /// Add `AND <column> >= ? AND <column> <= ?` for the ends that are set.
    fn restrict(&self, column: &str, sql: &mut String, args: &mut Vec<Value>) {
        if let Some(from) = &self.from {
            sql.push_str(&format!(" AND {column} >= ?"));
            args.push(Value::Text(from.clone()));
        }
        if let Some(to) = &self.to {
            sql.push_str(&format!(" AND {column} <= ?"));
            args.push(Value::Text(to.clone()));
        }
    }
}

/// How many answers, from where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    /// At most this many (1 to [`MAX_LIMIT`]).
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// Skip this many first.
    #[serde(default)]
    pub offset: u32,
}

fn default_limit() -> u32 {
    DEFAULT_LIMIT
}

impl Default for Paging {
    fn default() -> Paging {
        Paging { limit: DEFAULT_LIMIT, offset: 0 }
    }
}

impl Paging {
    fn validate(&self) -> Result<()> {
        if self.limit == 0 || self.limit > MAX_LIMIT {
            return Err(StoreError::BadQuery(format!("`limit` must be between 1 and {MAX_LIMIT}")));
        }
        if self.offset > 1_000_000 {
            return Err(StoreError::BadQuery("`offset` must be at most 1000000".into()));
        }
        Ok(())
    }

    /// `LIMIT ? OFFSET ?` asking one more row than wanted, to tell whether there are more.
    fn clause(&self, sql: &mut String, args: &mut Vec<Value>) {
        sql.push_str(" LIMIT ? OFFSET ?");
        args.push(Value::Integer(i64::from(self.limit) + 1));
        args.push(Value::Integer(i64::from(self.offset)));
    }
}

/// Rows of an answer and whether more follow.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// True when asking again with a larger offset gives more.
    pub more: bool,
}

impl<T> Page<T> {
    fn from_rows(mut items: Vec<T>, paging: Paging) -> Page<T> {
        let more = items.len() > paging.limit as usize;
        items.truncate(paging.limit as usize);
        Page { items, more }
    }
}

/// Turn what a person types into an FTS5 expression: words and "quoted phrases" must all
/// occur, `OR` between two terms allows either, a trailing `*` matches a prefix, and a leading
/// `-` excludes a term. Everything else is quoted, so no input is an FTS5 syntax error.
pub fn fts_expression(input: &str) -> Result<String> {
    let mut terms: Vec<(bool, String)> = Vec::new(); // (excluded, quoted term) or ("OR")
    let mut chars = input.chars().peekable();
    let mut pending_or = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            negated = true;
            chars.next();
        }
        let (word, phrase) = if chars.peek() == Some(&'"') {
            chars.next();
            let mut w = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                w.push(c);
            }
            (w, true)
        } else {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                w.push(c);
                chars.next();
            }
            (w, false)
        };
        if !phrase && !negated && word == "OR" {
            pending_or = !terms.is_empty();
            continue;
        }
        let prefix = !phrase && word.ends_with('*');
        let core = if prefix { word.trim_end_matches('*') } else { &word };
        if !core.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut term = format!("\"{}\"", core.replace('"', "\"\""));
        if prefix {
            term.push('*');
        }
        if pending_or && !negated {
            if let Some(last) = terms.last_mut() {
                if !last.0 {
                    last.1 = format!("({} OR {term})", last.1);
                    pending_or = false;
                    continue;
                }
            }
        }
        pending_or = false;
        terms.push((negated, term));
    }
    let positive: Vec<&str> = terms.iter().filter(|t| !t.0).map(|t| t.1.as_str()).collect();
    if positive.is_empty() {
        return Err(StoreError::BadQuery(
            "the search has no words to look for (an excluded term needs another term beside it)".into(),
        ));
    }
    let mut expr = positive.join(" AND ");
    for (_, term) in terms.iter().filter(|t| t.0) {
        expr = format!("{expr} NOT {term}");
    }
    Ok(expr)
}

fn check_text(name: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(StoreError::BadQuery(format!("`{name}` must not be empty")));
    }
    if value.len() > 500 {
        return Err(StoreError::BadQuery(format!("`{name}` is longer than 500 bytes")));
    }
    Ok(())
}

fn collect<T>(
    store: &Store,
    sql: &str,
    args: Vec<Value>,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = store.conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
}

// ---------------------------------------------------------------------------------------
// Search

/// How search results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Latest publication day first.
    Newest,
}

/// Full-text search over titles and article text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words, "phrases", `OR`, `prefix*`, `-excluded`.
    pub q: String,
    /// Only this outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
    /// Result order.
    #[serde(default)]
    pub order: Order,
    /// How many.
    #[serde(flatten)]
    pub paging: Paging,
}

impl SearchQuery {
    /// A search for these words, with default options.
    pub fn new(q: &str) -> SearchQuery {
        SearchQuery { q: q.to_string(), ..SearchQuery::default() }
    }
}

/// A piece of a snippet: matched words or the text around them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The words.
    pub text: String,
    /// True for words that match the search.
    #[serde(rename = "match")]
    pub matched: bool,
}

/// One article found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date as given.
    pub published: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Words around the matches.
    pub snippet: Vec<Fragment>,
}

const MARK_OPEN: char = '\u{2}';
const MARK_CLOSE: char = '\u{3}';

fn fragments(snippet: &str) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    for c in snippet.chars() {
        if c == MARK_OPEN || c == MARK_CLOSE {
            if !current.is_empty() {
                out.push(Fragment { text: std::mem::take(&mut current), matched });
            }
            matched = c == MARK_OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(Fragment { text: current, matched });
    }
    out
}

/// How many of the most recently stored matches a relevance search over the whole archive
/// ranks.
pub const RANKED_MATCHES: i64 = 10_000;

/// Up to this many matches, a question about a topic starts from the matches; beyond it, from
/// the index that gives the answer's order.
const FEW_MATCHES: i64 = 5_000;

impl Store {
    /// The row id of the `n`-th match counted from the most recently stored, when there are
    /// that many.
    fn nth_latest_match(&self, table: &str, expr: &str, n: i64) -> Result<Option<i64>> {
        let sql =
            format!("SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params![expr, n - 1], |r| r.get(0))
            .optional()?)
    }
}

impl Store {
    /// Articles whose title or text match.
    ///
    /// By relevance, FTS5 ranks the matches with BM25, which reads every match's positions; a
    /// word such as "said" matches nearly every article, so over the whole archive (no outlet,
    /// no period) only the [`RANKED_MATCHES`] most recently stored matches are ranked. With an
    /// outlet or a period every match in it is ranked. Newest first, the page of documents is
    /// chosen by walking the day index backwards and testing each document against the set of
    /// matches, so a common word over a large store costs one pass over its posting list and
    /// the days asked for; snippets are then made for that page only (making them is what
    /// costs: each reads and re-tokenises a whole text).
    pub fn search(&self, query: &SearchQuery) -> Result<Page<SearchHit>> {
        query.period.validate()?;
        query.paging.validate()?;
        let expr = fts_expression(&query.q)?;
        let mut sql = String::from(
            "SELECT d.id, d.title, d.outlet, d.published, d.url,
                    snippet(documents_fts, 1, char(2), char(3), '…', 24)
             FROM documents_fts JOIN documents d ON d.doc = documents_fts.rowid
             WHERE documents_fts MATCH ?",
        );
        let mut args = vec![Value::Text(expr.clone())];
        match query.order {
            Order::Relevance => {
                if let Some(outlet) = &query.outlet {
                    sql.push_str(" AND d.outlet = ?");
                    args.push(Value::Text(outlet.clone()));
                }
                query.period.restrict("d.day", &mut sql, &mut args);
                if query.outlet.is_none() && query.period == Period::default() {
                    // Ranking reads every match's positions: over the whole archive, only the
                    // most recently stored RANKED_MATCHES matches are ranked.
                    if let Some(floor) = self.nth_latest_match("documents_fts", &expr, RANKED_MATCHES)? {
                        sql.push_str(" AND documents_fts.rowid >= ?");
                        args.push(Value::Integer(floor));
                    }
                }
                sql.push_str(" ORDER BY rank");
                query.paging.clause(&mut sql, &mut args);
            }
            Order::Newest => {
                // The page: documents in day order (newest first) that are among the matches.
                let index = if query.outlet.is_some() { "documents_outlet" } else { "documents_day" };
                sql.push_str(&format!(
                    " AND documents_fts.rowid IN (
                        SELECT p.doc FROM documents p INDEXED BY {index}
                        WHERE p.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
                ));
                args.push(Value::Text(expr));
                if let Some(outlet) = &query.outlet {
                    sql.push_str(" AND p.outlet = ?");
                    args.push(Value::Text(outlet.clone()));
                }
                query.period.restrict("p.day", &mut sql, &mut args);
                sql.push_str(" ORDER BY p.day DESC, p.doc DESC");
                query.paging.clause(&mut sql, &mut args);
                sql.push_str(") ORDER BY d.day DESC, d.doc DESC");
            }
        }
        let rows = collect(self, &sql, args, |r| {
            Ok(SearchHit {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                published: r.get(3)?,
                url: r.get(4)?,
                snippet: fragments(&r.get::<_, String>(5)?),
            })
        })?;
        Ok(Page::from_rows(rows, query.paging))
    }
}

/// Rows gathered name by name as `(doc, idx, hit)`, merged: newest day first (undated last),
/// then the later document, then order in the text; a row found under two names counts once;
/// the first `offset` left out.
fn merge_newest<T>(mut rows: Vec<(i64, i64, T)>, day: impl Fn(&T) -> &Option<String>, offset: u32) -> Vec<T> {
    rows.sort_by(|(doc_a, idx_a, a), (doc_b, idx_b, b)| {
        day(b).cmp(day(a)).then(doc_b.cmp(doc_a)).then(idx_a.cmp(idx_b))
    });
    rows.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    rows.into_iter().skip(offset as usize).map(|(_, _, hit)| hit).collect()
}

/// ` column IN (?, ?, …)` for these names.
fn any_of(column: &str, names: &[String], sql: &mut String, args: &mut Vec<Value>) {
    let marks = vec!["?"; names.len().max(1)].join(", ");
    sql.push_str(&format!(" {column} IN ({marks})"));
    if names.is_empty() {
        args.push(Value::Null);
    }
    args.extend(names.iter().map(|n| Value::Text(n.clone())));
}

// ---------------------------------------------------------------------------------------
// Quotations

/// Quotations by one speaker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteQuery {
    /// The speaker's name as the store has it (case does not matter).
    pub speaker: String,
    /// Only this outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
    /// How many.
    #[serde(flatten)]
    pub paging: Paging,
}

/// One quotation found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    /// Document id.
    pub id: String,
    /// Headline of the document.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Day of publication.
    pub day: Option<String>,
    /// Speaker name.
    pub speaker: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// The quoted words.
    pub text: String,
    /// `[start, end)` characters in the document text.
    pub span: [i64; 2],
}

impl Store {
    /// Quotations by a speaker, latest first, under every name counted as theirs (see
    /// [`crate::names`]: asking for "Trump" or "Donald Trump" gives the same answer).
    pub fn quotes(&self, query: &QuoteQuery) -> Result<Page<QuoteHit>> {
        check_text("speaker", &query.speaker)?;
        query.period.validate()?;
        query.paging.validate()?;
        // One walk of the speaker index per name, newest first (each stops after a page), merged.
        let wanted = query.paging.offset as usize + query.paging.limit as usize + 1;
        let mut rows = Vec::new();
        for name in self.name_folds()?.members(&query.speaker) {
            let mut sql = String::from(
                "SELECT d.id, d.title, q.outlet, q.day, q.speaker_name, q.kind, q.text, q.start, q.end, q.doc, q.idx
                 FROM quotes q JOIN documents d ON d.doc = q.doc
                 WHERE q.speaker_name = ?",
            );
            let mut args = vec![Value::Text(name)];
            if let Some(outlet) = &query.outlet {
                sql.push_str(" AND q.outlet = ?");
                args.push(Value::Text(outlet.clone()));
            }
            query.period.restrict("q.day", &mut sql, &mut args);
            sql.push_str(" ORDER BY q.day DESC, q.doc DESC, q.idx LIMIT ?");
            args.push(Value::Integer(wanted as i64));
            rows.extend(collect(self, &sql, args, |r| {
                let hit = QuoteHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    day: r.get(3)?,
                    speaker: r.get(4)?,
                    kind: r.get(5)?,
                    text: r.get(6)?,
                    span: [r.get(7)?, r.get(8)?],
                };
                Ok((r.get::<_, i64>(9)?, r.get::<_, i64>(10)?, hit))
            })?);
        }
        let rows = merge_newest(rows, |hit: &QuoteHit| &hit.day, query.paging.offset);
        Ok(Page::from_rows(rows, query.paging))
    }
}

// ---------------------------------------------------------------------------------------
// Claims

/// Attributed claims by the kind of source they rest on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimQuery {
    /// `named_person`, `named_organisation`, `anonymous`, `unnamed_group`, `outlet`,
    /// `document` or `unspecified`; any kind when absent.
    #[serde(default)]
    pub source_kind: Option<String>,
    /// Only claims resting on this source (its name as the store has it).
    #[serde(default)]
    pub source: Option<String>,
    /// Only claims whose words match this search (same syntax as article search).
    #[serde(default)]
    pub about: Option<String>,
    /// Only this outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
    /// How many.
    #[serde(flatten)]
    pub paging: Paging,
}

/// One claim found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimHit {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Day of publication.
    pub day: Option<String>,
    /// Kind of source.
    pub source_kind: String,
    /// The source's name (the entity's, else the words that name it).
    pub source: Option<String>,
    /// `asserted`, `denied`, `declined_to_comment`, `belief`, `hedged`.
    pub status: String,
    /// The reporting cue.
    pub cue: Option<String>,
    /// What is claimed.
    pub text: String,
    /// `[start, end)` characters in the document text.
    pub span: [i64; 2],
}

impl ClaimHit {
    /// A claim from columns 0–10: document id, title, outlet, day, source kind, source, status,
    /// cue, text, start, end.
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClaimHit> {
        Ok(ClaimHit {
            id: r.get(0)?,
            title: r.get(1)?,
            outlet: r.get(2)?,
            day: r.get(3)?,
            source_kind: r.get(4)?,
            source: r.get(5)?,
            status: r.get(6)?,
            cue: r.get(7)?,
            text: r.get(8)?,
            span: [r.get(9)?, r.get(10)?],
        })
    }
}

impl Store {
    /// Claims, latest first.
    pub fn claims(&self, query: &ClaimQuery) -> Result<Page<ClaimHit>> {
        query.period.validate()?;
        query.paging.validate()?;
        let mut args = Vec::new();
        let mut sql = String::from(
            "SELECT d.id, d.title, a.outlet, a.day, a.source_kind, a.source_name, a.status, a.cue, a.text,
                    a.start, a.end
             FROM attributions a JOIN documents d ON d.doc = a.doc",
        );
        if let Some(kind) = &query.source_kind {
            if newsgraph_model::SourceKind::parse(kind).is_none() {
                let known: Vec<&str> = newsgraph_model::SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(StoreError::BadQuery(format!(
                    "unknown source kind `{kind}` (expected one of {})",
                    known.join(", ")
                )));
            }
        }
        if let Some(about) = &query.about {
            check_text("about", about)?;
            let expr = fts_expression(about)?;
            // A common word: walk the claims of that kind newest first and keep those among
            // the matches (stops after a page). A rarer one: start from its matches.
            let common = self.nth_latest_match("claims_fts", &expr, FEW_MATCHES)?.is_some();
            if common && query.source_kind.is_some() {
                sql = sql.replace("FROM attributions a", "FROM attributions a INDEXED BY attributions_kind");
                sql.push_str(" WHERE a.claim IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)");
            } else {
                sql.push_str(" JOIN claims_fts ON claims_fts.rowid = a.claim WHERE claims_fts MATCH ?");
            }
            args.push(Value::Text(expr));
        } else {
            sql.push_str(" WHERE 1");
        }
        if let Some(kind) = &query.source_kind {
            sql.push_str(" AND a.source_kind = ?");
            args.push(Value::Text(kind.clone()));
        }
        if let Some(source) = &query.source {
            check_text("source", source)?;
            sql.push_str(" AND a.source_name = ?");
            args.push(Value::Text(source.trim().to_string()));
        }
        if let Some(outlet) = &query.outlet {
            sql.push_str(" AND a.outlet = ?");
            args.push(Value::Text(outlet.clone()));
        }
        query.period.restrict("a.day", &mut sql, &mut args);
        sql.push_str(" ORDER BY a.day DESC, a.doc DESC, a.idx");
        query.paging.clause(&mut sql, &mut args);
        let rows = collect(self, &sql, args, ClaimHit::from_row)?;
        Ok(Page::from_rows(rows, query.paging))
    }
}

// ---------------------------------------------------------------------------------------
// Events

/// Events between two actors over a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventQuery {
    /// First actor: a CAMEO actor code or its start (`CHN` matches `CHN`, `CHNGOV`, …).
    pub actor1: String,
    /// Second actor, the same way; any actor when absent.
    #[serde(default)]
    pub actor2: Option<String>,
    /// Only events from `actor1` to `actor2`, not the other way round.
    #[serde(default)]
    pub directed: bool,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
}

/// Events of one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Number of events.
    pub count: u64,
    /// Mean Goldstein score of those events.
    pub mean_goldstein: f64,
}

/// Events between actors, day by day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventSeries {
    /// Days with at least one event, in order.
    pub days: Vec<DayCount>,
    /// Events over the whole period.
    pub total: u64,
    /// Mean Goldstein score over the whole period (0 when there are no events).
    pub mean_goldstein: f64,
}

fn actor_prefix(name: &str, value: &str) -> Result<String> {
    let v = value.trim().to_ascii_uppercase();
    if v.is_empty() || v.len() > 15 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(StoreError::BadQuery(format!(
            "`{name}` must be a CAMEO actor code such as CHN or USAGOV (letters and digits), not `{value}`"
        )));
    }
    Ok(v)
}

/// `column BETWEEN p AND p || '~'`: every code that starts with `p` (codes are A–Z and 0–9).
fn code_prefix(column: &str, prefix: &str, sql: &mut String, args: &mut Vec<Value>) {
    sql.push_str(&format!("{column} >= ? AND {column} < ?"));
    args.push(Value::Text(prefix.to_string()));
    args.push(Value::Text(format!("{prefix}~")));
}

impl Store {
    /// Events between two actors (or involving one), counted by day with mean Goldstein.
    pub fn events_by_day(&self, query: &EventQuery) -> Result<EventSeries> {
        query.period.validate()?;
        let a = actor_prefix("actor1", &query.actor1)?;
        let b = query.actor2.as_deref().map(|b| actor_prefix("actor2", b)).transpose()?;
        let mut sql = String::from(
            "SELECT day, count(*), avg(goldstein) FROM events WHERE dup = 0 AND day IS NOT NULL AND (",
        );
        let mut args = Vec::new();
        let pair = |x: &str, y: Option<&str>, sql: &mut String, args: &mut Vec<Value>| {
            sql.push('(');
            code_prefix("source_code", x, sql, args);
            if let Some(y) = y {
                sql.push_str(" AND ");
                code_prefix("target_code", y, sql, args);
            }
            sql.push(')');
        };
        pair(&a, b.as_deref(), &mut sql, &mut args);
        if !query.directed {
            sql.push_str(" OR ");
            match &b {
                Some(b) => pair(b, Some(&a), &mut sql, &mut args),
                None => {
                    sql.push('(');
                    code_prefix("target_code", &a, &mut sql, &mut args);
                    sql.push(')');
                }
            }
        }
        sql.push(')');
        query.period.restrict("day", &mut sql, &mut args);
        sql.push_str(" GROUP BY day ORDER BY day");
        let days = collect(self, &sql, args, |r| {
            Ok(DayCount { day: r.get(0)?, count: r.get::<_, i64>(1)? as u64, mean_goldstein: r.get(2)? })
        })?;
        let total: u64 = days.iter().map(|d| d.count).sum();
        let sum: f64 = days.iter().map(|d| d.mean_goldstein * d.count as f64).sum();
        let mean_goldstein = if total > 0 { sum / total as f64 } else { 0.0 };
        Ok(EventSeries { days, total, mean_goldstein })
    }
}

// ---------------------------------------------------------------------------------------
// Rankings

/// The most quoted people or most active actors over a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopQuery {
    /// Only this outlet (people only).
    #[serde(default)]
    pub outlet: Option<String>,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
    /// How many.
    #[serde(flatten)]
    pub paging: Paging,
}

/// A name and how often it occurs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    /// A speaker's name or an actor code.
    pub name: String,
    /// Quotations, or events as source or target.
    pub count: u64,
    /// Articles they occur in.
    pub documents: u64,
    /// Mean Goldstein score of the actor's events (actors only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_goldstein: Option<f64>,
    /// Other names counted under this one (people only; see [`crate::names`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Store {
    /// People with the most quotations (from the aggregate tables the writer keeps), with the
    /// names one person goes by across documents counted together (see [`crate::names`]).
    pub fn top_speakers(&self, query: &TopQuery) -> Result<Page<Ranked>> {
        query.period.validate()?;
        query.paging.validate()?;
        let mut args = Vec::new();
        let sql = if query.outlet.is_none() && query.period == Period::default() {
            String::from("SELECT name, n, docs FROM speaker_totals WHERE n > 0")
        } else {
            // Summed below, together with the folding of names (cheaper than GROUP BY's sort).
            let mut sql = String::from("SELECT name, n, docs FROM speaker_days WHERE day <> ''");
            if let Some(outlet) = &query.outlet {
                sql.push_str(" AND outlet = ?");
                args.push(Value::Text(outlet.clone()));
            }
            if query.period == Period::default() {
                // An outlet over all time includes its undated articles.
                sql = sql.replace(" WHERE day <> ''", " WHERE 1");
            }
            query.period.restrict("day", &mut sql, &mut args);
            sql.push_str(" AND n > 0");
            sql
        };
        let rows = collect(self, &sql, args, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64, r.get::<_, i64>(2)?.max(0) as u64))
        })?;
        let mut by_name: HashMap<String, (u64, u64)> = HashMap::new();
        for (name, count, documents) in rows {
            let sums = by_name.entry(name).or_default();
            sums.0 += count;
            sums.1 += documents;
        }
        let folds = self.name_folds()?;
        let mut people: HashMap<String, Ranked> = HashMap::new();
        for (name, (count, documents)) in by_name {
            let head = folds.canonical(&name);
            let person = people.entry(head.to_lowercase()).or_insert_with(|| Ranked {
                aliases: folds.aliases(&head),
                name: head,
                count: 0,
                documents: 0,
                mean_goldstein: None,
            });
            person.count += count;
            // An article rarely gives one person two names (the linker joins them), so this sum
            // is close to the number of articles, and at most over it.
            person.documents += documents;
        }
        let mut ranked: Vec<Ranked> = people.into_values().filter(|p| p.count > 0).collect();
        ranked.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        let rows: Vec<Ranked> = ranked
            .into_iter()
            .skip(query.paging.offset as usize)
            .take(query.paging.limit as usize + 1)
            .collect();
        Ok(Page::from_rows(rows, query.paging))
    }

    /// Actors (CAMEO codes) in the most events, as source or target.
    pub fn top_actors(&self, query: &TopQuery) -> Result<Page<Ranked>> {
        query.period.validate()?;
        query.paging.validate()?;
        if query.outlet.is_some() {
            return Err(StoreError::BadQuery("`outlet` is not a filter of the actor ranking".into()));
        }
        let mut args = Vec::new();
        let mut sql = if query.period == Period::default() {
            String::from("SELECT code, n, docs, gsum / n FROM actor_totals WHERE n > 0 ORDER BY n DESC, code")
        } else {
            let mut sql = String::from(
                "SELECT code, sum(n) AS total, sum(docs), sum(gsum) / sum(n) FROM actor_days WHERE day <> ''",
            );
            query.period.restrict("day", &mut sql, &mut args);
            sql.push_str(" GROUP BY code HAVING total > 0 ORDER BY total DESC, code");
            sql
        };
        query.paging.clause(&mut sql, &mut args);
        let rows = collect(self, &sql, args, |r| {
            Ok(Ranked {
                name: r.get(0)?,
                count: r.get::<_, i64>(1)? as u64,
                documents: r.get::<_, i64>(2)? as u64,
                mean_goldstein: r.get(3)?,
                aliases: Vec::new(),
            })
        })?;
        Ok(Page::from_rows(rows, query.paging))
    }
}

// ---------------------------------------------------------------------------------------
// Sourcing profile

/// Where an outlet's claims come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcingQuery {
    /// The outlet (case does not matter).
    pub outlet: String,
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
}

/// Claims of one kind of source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindShare {
    /// Source kind.
    pub kind: String,
    /// Claims.
    pub count: u64,
    /// Share of all the outlet's claims (0 to 1).
    pub share: f64,
}

/// An outlet's sourcing profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcingProfile {
    /// The outlet.
    pub outlet: String,
    /// Articles in the period.
    pub documents: u64,
    /// Attributed claims in them.
    pub claims: u64,
    /// Share of claims resting on named people or organisations.
    pub named: f64,
    /// Share resting on anonymous individuals or unnamed groups.
    pub anonymous: f64,
    /// Share with no identifiable source.
    pub unspecified: f64,
    /// Every kind, in a fixed order (outlets and documents make up the rest).
    pub by_kind: Vec<KindShare>,
}

impl Store {
    /// The share of named, anonymous and unspecified sources in an outlet's claims.
    pub fn sourcing(&self, query: &SourcingQuery) -> Result<SourcingProfile> {
        check_text("outlet", &query.outlet)?;
        query.period.validate()?;
        let mut sql = String::from("SELECT source_kind, count(*) FROM attributions WHERE outlet = ?");
        let mut args = vec![Value::Text(query.outlet.trim().to_string())];
        query.period.restrict("day", &mut sql, &mut args);
        sql.push_str(" GROUP BY source_kind");
        let counts: Vec<(String, i64)> = collect(self, &sql, args, |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut sql = String::from("SELECT count(*) FROM documents WHERE outlet = ?");
        let mut args = vec![Value::Text(query.outlet.trim().to_string())];
        query.period.restrict("day", &mut sql, &mut args);
        let documents: i64 = self.conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?;
        let claims: i64 = counts.iter().map(|c| c.1).sum();
        let share = |n: i64| if claims > 0 { n as f64 / claims as f64 } else { 0.0 };
        let count_of = |kinds: &[&str]| -> i64 {
            counts.iter().filter(|(k, _)| kinds.contains(&k.as_str())).map(|c| c.1).sum()
        };
        let by_kind = newsgraph_model::SourceKind::ALL
            .iter()
            .map(|k| {
                let n = count_of(&[k.as_str()]);
                KindShare { kind: k.as_str().to_string(), count: n as u64, share: share(n) }
            })
            .collect();
        Ok(SourcingProfile {
            outlet: query.outlet.trim().to_string(),
            documents: documents as u64,
            claims: claims as u64,
            named: share(count_of(&["named_person", "named_organisation"])),
            anonymous: share(count_of(&["anonymous", "unnamed_group"])),
            unspecified: share(count_of(&["unspecified"])),
            by_kind,
        })
    }

    /// Outlets with their number of articles, most first.
    pub fn outlets(&self, paging: Paging) -> Result<Page<Ranked>> {
        paging.validate()?;
        let mut sql = String::from(
            "SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet",
        );
        let mut args = Vec::new();
        paging.clause(&mut sql, &mut args);
        let rows = collect(self, &sql, args, |r| {
            let n = r.get::<_, i64>(1)? as u64;
            Ok(Ranked { name: r.get(0)?, count: n, documents: n, mean_goldstein: None, aliases: Vec::new() })
        })?;
        Ok(Page::from_rows(rows, paging))
    }
}

// ---------------------------------------------------------------------------------------
// Events listed, actors and the network

/// One event found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventHit {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Day of publication.
    pub day: Option<String>,
    /// Source actor code.
    pub source: String,
    /// Source actor's name in the text.
    pub source_name: Option<String>,
    /// Target actor code ("" when none).
    pub target: String,
    /// Target actor's name in the text.
    pub target_name: Option<String>,
    /// CAMEO event code.
    pub cameo: String,
    /// PLOVER event type.
    pub plover: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// The words expressing the event.
    pub cue: String,
}

impl Store {
    /// The events between two actors (or involving one), latest first.
    pub fn events(&self, query: &EventQuery, paging: Paging) -> Result<Page<EventHit>> {
        query.period.validate()?;
        paging.validate()?;
        let a = actor_prefix("actor1", &query.actor1)?;
        let b = query.actor2.as_deref().map(|b| actor_prefix("actor2", b)).transpose()?;
        let mut sql = String::from(
            "SELECT d.id, d.title, v.day, v.source_code, v.source_name, v.target_code, v.target_name, v.cameo,
                    v.plover, v.goldstein, v.cue
             FROM events v JOIN documents d ON d.doc = v.doc WHERE v.dup = 0 AND ((",
        );
        let mut args = Vec::new();
        code_prefix("v.source_code", &a, &mut sql, &mut args);
        if let Some(b) = &b {
            sql.push_str(" AND ");
            code_prefix("v.target_code", b, &mut sql, &mut args);
        }
        sql.push(')');
        if !query.directed {
            sql.push_str(" OR (");
            code_prefix("v.target_code", &a, &mut sql, &mut args);
            if let Some(b) = &b {
                sql.push_str(" AND ");
                code_prefix("v.source_code", b, &mut sql, &mut args);
            }
            sql.push(')');
        }
        sql.push(')');
        query.period.restrict("v.day", &mut sql, &mut args);
        sql.push_str(" ORDER BY v.day DESC, v.doc DESC, v.idx");
        paging.clause(&mut sql, &mut args);
        let rows = collect(self, &sql, args, |r| {
            Ok(EventHit {
                id: r.get(0)?,
                title: r.get(1)?,
                day: r.get(2)?,
                source: r.get(3)?,
                source_name: r.get(4)?,
                target: r.get(5)?,
                target_name: r.get(6)?,
                cameo: r.get(7)?,
                plover: r.get(8)?,
                goldstein: r.get(9)?,
                cue: r.get(10)?,
            })
        })?;
        Ok(Page::from_rows(rows, paging))
    }

    /// Actors an actor has events with, most events first.
    pub fn partners(&self, actor: &str, period: &Period, paging: Paging) -> Result<Page<Ranked>> {
        period.validate()?;
        paging.validate()?;
        let a = actor_prefix("actor", actor)?;
        let mut inner =
            String::from("SELECT target_code AS code, doc, goldstein FROM events WHERE dup = 0 AND ");
        let mut args = Vec::new();
        code_prefix("source_code", &a, &mut inner, &mut args);
        period.restrict("day", &mut inner, &mut args);
        inner.push_str(" UNION ALL SELECT source_code, doc, goldstein FROM events WHERE dup = 0 AND ");
        code_prefix("target_code", &a, &mut inner, &mut args);
        period.restrict("day", &mut inner, &mut args);
        let mut sql = format!(
            "SELECT code, count(*) AS n, count(DISTINCT doc), avg(goldstein) FROM ({inner})
             WHERE code <> '' GROUP BY code ORDER BY n DESC, code"
        );
        paging.clause(&mut sql, &mut args);
        let rows = collect(self, &sql, args, |r| {
            Ok(Ranked {
                name: r.get(0)?,
                count: r.get::<_, i64>(1)? as u64,
                documents: r.get::<_, i64>(2)? as u64,
                mean_goldstein: r.get(3)?,
                aliases: Vec::new(),
            })
        })?;
        Ok(Page::from_rows(rows, paging))
    }
}

/// The actor network over a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkQuery {
    /// Only these days.
    #[serde(flatten)]
    pub period: Period,
    /// At most this many links, the busiest.
    #[serde(default = "default_edges")]
    pub limit: u32,
}

fn default_edges() -> u32 {
    60
}

/// Events from one actor to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Number of events.
    pub count: u64,
    /// Mean Goldstein score.
    pub mean_goldstein: f64,
}

/// An actor in the network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Actor code.
    pub code: String,
    /// Events on the links shown.
    pub count: u64,
}

/// Actors and the events between them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// Actors on at least one link.
    pub nodes: Vec<Node>,
    /// The busiest links.
    pub edges: Vec<Edge>,
}

impl Store {
    /// The busiest links between actors.
    pub fn network(&self, query: &NetworkQuery) -> Result<Network> {
        query.period.validate()?;
        if query.limit == 0 || query.limit > MAX_LIMIT {
            return Err(StoreError::BadQuery(format!("`limit` must be between 1 and {MAX_LIMIT}")));
        }
        let mut args = Vec::new();
        let mut sql = if query.period == Period::default() {
            String::from("SELECT source, target, n, gsum / n FROM pair_totals WHERE n > 0 ORDER BY n DESC, source, target")
        } else {
            let mut sql = String::from(
                "SELECT source, target, sum(n) AS total, sum(gsum) / sum(n) FROM pair_days WHERE day <> ''",
            );
            query.period.restrict("day", &mut sql, &mut args);
            sql.push_str(" GROUP BY source, target HAVING total > 0 ORDER BY total DESC, source, target");
            sql
        };
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(i64::from(query.limit)));
        let edges = collect(self, &sql, args, |r| {
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                count: r.get::<_, i64>(2)? as u64,
                mean_goldstein: r.get(3)?,
            })
        })?;
        let mut counts: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
        for e in &edges {
            *counts.entry(&e.source).or_default() += e.count;
            *counts.entry(&e.target).or_default() += e.count;
        }
        let mut nodes: Vec<Node> =
            counts.into_iter().map(|(code, count)| Node { code: code.to_string(), count }).collect();
        nodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
        Ok(Network { nodes, edges })
    }
}

// ---------------------------------------------------------------------------------------
// People

/// Quotations and mentions of a person on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Articles that mention them (copies of an article not counted again).
    pub documents: u64,
    /// Their quotations (in copies of an article not counted again).
    pub quotes: u64,
}

/// What the store knows of one person (or any named entity).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonProfile {
    /// The name the person is counted under (the name asked for, or the name it folds into:
    /// see [`crate::names`]).
    pub name: String,
    /// Other names counted as theirs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Entity types the name was given (`PERSON`, `ORG`, …), most frequent first.
    pub kinds: Vec<String>,
    /// Articles that mention them (copies of an article not counted again).
    pub documents: u64,
    /// Their quotations (in copies of an article not counted again).
    pub quotes: u64,
    /// Their latest quotations.
    pub said: Vec<QuoteHit>,
    /// Latest claims by others whose words mention them.
    pub said_about: Vec<ClaimHit>,
    /// What the texts call them, most frequent first.
    pub descriptors: Vec<String>,
    /// Day by day.
    pub timeline: Vec<Activity>,
}

impl Store {
    /// A person's quotations, what others said about them and their timeline.
    pub fn person(&self, name: &str, period: &Period, paging: Paging) -> Result<PersonProfile> {
        check_text("name", name)?;
        period.validate()?;
        paging.validate()?;
        let folds = self.name_folds()?;
        let name = folds.canonical(name);
        let names = folds.members(&name);
        let said =
            self.quotes(&QuoteQuery { speaker: name.clone(), outlet: None, period: period.clone(), paging })?;

        // Claims by others mentioning them: one walk of the name index per name, newest first
        // (each stops after a page), merged.
        let wanted = paging.offset as usize + paging.limit as usize + 1;
        let mut said_about = Vec::new();
        for each in &names {
            let mut sql = String::from(
                "SELECT d.id, d.title, a.outlet, a.day, a.source_kind, a.source_name, a.status, a.cue, a.text,
                        a.start, a.end, e.doc, a.idx
                 FROM entities e
                 JOIN attributions a ON a.doc = e.doc AND (a.source_entity IS NULL OR a.source_entity <> e.idx)
                 JOIN documents d ON d.doc = e.doc
                 WHERE e.name = ? AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc = e.doc AND m.entity = e.idx
                                              AND m.start >= a.start AND m.end <= a.end)",
            );
            let mut args = vec![Value::Text(each.clone())];
            period.restrict("e.day", &mut sql, &mut args);
            sql.push_str(" ORDER BY e.day DESC, e.doc DESC, a.idx LIMIT ?");
            args.push(Value::Integer(wanted as i64));
            said_about.extend(collect(self, &sql, args, |r| {
                Ok((r.get::<_, i64>(11)?, r.get::<_, i64>(12)?, ClaimHit::from_row(r)?))
            })?);
        }
        let said_about =
            Page::from_rows(merge_newest(said_about, |hit: &ClaimHit| &hit.day, paging.offset), paging).items;

        let mut sql = String::from("SELECT kind, count(*) AS n FROM entities WHERE");
        let mut args = Vec::new();
        any_of("name", &names, &mut sql, &mut args);
        period.restrict("day", &mut sql, &mut args);
        sql.push_str(" GROUP BY kind ORDER BY n DESC");
        let kinds: Vec<(String, i64)> = collect(self, &sql, args, |r| Ok((r.get(0)?, r.get(1)?)))?;

        // What the latest 200 articles under each name call them.
        let mut descriptor_counts: HashMap<String, u64> = HashMap::new();
        for each in &names {
            let mut sql =
                String::from("SELECT descriptors FROM entities WHERE name = ? AND descriptors <> '[]'");
            let mut args = vec![Value::Text(each.clone())];
            period.restrict("day", &mut sql, &mut args);
            sql.push_str(" ORDER BY day DESC LIMIT 200");
            for json in collect(self, &sql, args, |r| r.get::<_, String>(0))? {
                for d in serde_json::from_str::<Vec<String>>(&json).unwrap_or_default() {
                    *descriptor_counts.entry(d).or_default() += 1;
                }
            }
        }
        let mut descriptors: Vec<(String, u64)> = descriptor_counts.into_iter().collect();
        descriptors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

        let mut timeline: std::collections::BTreeMap<String, Activity> = std::collections::BTreeMap::new();
        let mut sql = String::from(
            "SELECT day, count(DISTINCT doc) FROM entities WHERE dup = 0 AND day IS NOT NULL AND",
        );
        let mut args = Vec::new();
        any_of("name", &names, &mut sql, &mut args);
        period.restrict("day", &mut sql, &mut args);
        sql.push_str(" GROUP BY day");
        for (day, n) in collect(self, &sql, args, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            timeline.insert(day.clone(), Activity { day, documents: n as u64, quotes: 0 });
        }
        let mut sql = String::from("SELECT day, count(*) FROM quotes WHERE dup = 0 AND day IS NOT NULL AND");
        let mut args = Vec::new();
        any_of("speaker_name", &names, &mut sql, &mut args);
        period.restrict("day", &mut sql, &mut args);
        sql.push_str(" GROUP BY day");
        for (day, n) in collect(self, &sql, args, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            timeline.entry(day.clone()).or_insert(Activity { day, documents: 0, quotes: 0 }).quotes =
                n as u64;
        }

        // The totals are the timeline's, plus undated articles when no period is asked for (an
        // article has one day). Copies of an article are not counted again (as in the rankings).
        let mut documents: u64 = timeline.values().map(|a| a.documents).sum();
        let mut quotes: u64 = timeline.values().map(|a| a.quotes).sum();
        if *period == Period::default() {
            let mut sql =
                String::from("SELECT count(DISTINCT doc) FROM entities WHERE dup = 0 AND day IS NULL AND");
            let mut args = Vec::new();
            any_of("name", &names, &mut sql, &mut args);
            documents +=
                self.conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))? as u64;
            let mut sql = String::from("SELECT count(*) FROM quotes WHERE dup = 0 AND day IS NULL AND");
            let mut args = Vec::new();
            any_of("speaker_name", &names, &mut sql, &mut args);
            quotes +=
                self.conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))? as u64;
        }

        Ok(PersonProfile {
            aliases: names.into_iter().skip(1).collect(),
            name,
            kinds: kinds.into_iter().map(|k| k.0).collect(),
            documents,
            quotes,
            said: said.items,
            said_about,
            descriptors: descriptors.into_iter().take(12).map(|d| d.0).collect(),
            timeline: timeline.into_values().collect(),
        })
    }
}
