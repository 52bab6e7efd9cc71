//! newsgraph-python: the engine behind the `newsgraph` Python package (`import newsgraph`).
//!
//! The Python-free core lives here so that the workspace builds and tests it without an
//! interpreter: an [`Article`] (text and metadata as a caller hands them over) becomes a
//! [`Document`] exactly as `newsgraph analyze` would build it from a JSON Lines record (same
//! cleaning, date reading and language detection, through `newsgraph_ingest::jsonl::record`),
//! and batches are analysed on a chosen number of threads and laid out as the five Arrow
//! tables of `newsgraph_tables`. The PyO3 binding (`binding`, behind the `python` feature that
//! maturin enables) only converts Python values and Arrow arrays to and from these types.
//! This crate defines no schema of its own: the tables are `newsgraph_tables`'.
//!
//! ```
//! use newsgraph_python::{analyze_articles, Article, Options};
//!
//! let article = Article::new("d1", "“We will not comment,” a spokesman said on Monday.");
//! let docs = analyze_articles(&[article], &Options::default()).unwrap();
//! assert_eq!(docs[0].quotes.len(), 1);
//! ```

#[cfg(feature = "python")]
mod binding;

use newsgraph_engine::Engine;
use newsgraph_ingest::ReadOptions;
use newsgraph_model::Document;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The largest text accepted by default, in UTF-8 bytes: the CLI's per-document limit.
pub const MAX_DOCUMENT_BYTES: usize = 8 << 20;

/// Field names of the record handed to the JSON Lines reader; a caller's extra metadata may
/// not use them.
const RESERVED: [&str; 8] = ["id", "text", "url", "title", "date", "author", "outlet", "language"];

/// One article as a caller hands it over: text and optional metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Document id.
    pub id: String,
    /// Raw article text (cleaned of page debris unless [`Options::clean`] is off).
    pub text: String,
    /// Address of the article.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or date-time, in any form the reader understands.
    pub published: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Declared language code.
    pub language: Option<String>,
    /// Any other metadata, carried into the record's `meta`.
    pub meta: Map<String, Value>,
}

impl Article {
    /// An article with an id and text and no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article { id: id.into(), text: text.into(), ..Article::default() }
    }
}

/// How articles are read and analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Drop page debris (repeated headlines, share lines, notices) from the text, as the CLI
    /// does by default.
    pub clean: bool,
    /// Refuse texts longer than this many UTF-8 bytes.
    pub max_bytes: usize,
    /// Threads for a batch: `None` uses every core, `Some(1)` analyses on the calling thread.
    pub threads: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options { clean: true, max_bytes: MAX_DOCUMENT_BYTES, threads: None }
    }
}

/// Why an article could not be analysed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArticleError {
    /// The text is longer than the limit.
    #[error(
        "document {index} (`{id}`) has {bytes} bytes of text, more than the limit of {limit} (max_bytes)"
    )]
    TooLarge {
        /// Position in the batch.
        index: usize,
        /// Document id.
        id: String,
        /// Size of the text in UTF-8 bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Extra metadata uses a name that is a field of its own.
    #[error("document {index}: metadata key `{key}` is reserved; pass it as its own argument")]
    ReservedMeta {
        /// Position in the batch.
        index: usize,
        /// The key.
        key: String,
    },
    /// The reader refused the record (should not happen for well-formed articles).
    #[error("document {index}: {message}")]
    Read {
        /// Position in the batch.
        index: usize,
        /// The reader's message.
        message: String,
    },
    /// `threads` was zero or the thread pool could not be started.
    #[error("cannot run on {threads} threads: {message}")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// Why not.
        message: String,
    },
}

/// The default English engine, built once per process (the models are compiled in).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::english)
}

/// Build the document `newsgraph analyze` builds for a JSON Lines record with this article's
/// fields (`index` names the article in errors). The document's `origin` is left unset.
pub fn document(article: &Article, index: usize, options: &Options) -> Result<Document, ArticleError> {
    if article.text.len() > options.max_bytes {
        return Err(ArticleError::TooLarge {
            index,
            id: article.id.clone(),
            bytes: article.text.len(),
            limit: options.max_bytes,
        });
    }
    let mut record = Map::new();
    for (key, value) in &article.meta {
        if RESERVED.contains(&key.as_str()) {
            return Err(ArticleError::ReservedMeta { index, key: key.clone() });
        }
        record.insert(key.clone(), value.clone());
    }
    record.insert("id".into(), Value::String(article.id.clone()));
    record.insert("text".into(), Value::String(article.text.clone()));
    let optional = [
        ("url", &article.url),
        ("title", &article.title),
        ("date", &article.published),
        ("outlet", &article.outlet),
        ("language", &article.language),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            record.insert(key.into(), Value::String(value.clone()));
        }
    }
    if !article.authors.is_empty() {
        record.insert("author".into(), article.authors.iter().cloned().map(Value::String).collect());
    }
    let line = Value::Object(record).to_string();
    let read = ReadOptions {
        clean_text: options.clean,
        // The reader's limit applies to the record; ours (above) to the text.
        max_document_bytes: usize::MAX / 4,
        ..ReadOptions::default()
    };
    let mut doc = newsgraph_ingest::jsonl::record(line.as_bytes(), String::new(), &read)
        .map_err(|e| ArticleError::Read { index, message: e.to_string() })?;
    doc.meta.origin = None;
    Ok(doc)
}

/// Analyse documents in place on `threads` threads (`None`: every core).
pub fn analyze_documents(docs: &mut [Document], threads: Option<usize>) -> Result<(), ArticleError> {
    let engine = engine();
    match threads {
        None => engine.analyze_all(docs),
        Some(0) => {
            return Err(ArticleError::Threads { threads: 0, message: "at least one is needed".into() })
        }
        Some(1) => docs.iter_mut().for_each(|doc| engine.analyze(doc)),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| ArticleError::Threads { threads: n, message: e.to_string() })?;
            pool.install(|| engine.analyze_all(docs));
        }
    }
    Ok(())
}

/// Build and analyse a batch of articles; the order is kept. The first bad article fails
/// the batch, named by its position.
pub fn analyze_articles(articles: &[Article], options: &Options) -> Result<Vec<Document>, ArticleError> {
    let mut docs = articles
        .iter()
        .enumerate()
        .map(|(i, article)| document(article, i, options))
        .collect::<Result<Vec<_>, _>>()?;
    analyze_documents(&mut docs, options.threads)?;
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::wire;

    fn cli_document(line: &str) -> Document {
        let mut doc =
            newsgraph_ingest::jsonl::record(line.as_bytes(), String::new(), &ReadOptions::default()).unwrap();
        doc.meta.origin = None;
        doc
    }

    #[test]
    fn article_is_read_like_a_json_lines_record() {
        let mut article = Article::new("b1", "Share this article\n\nThe minister   resigned on Friday.\n");
        article.title = Some("Minister\n  resigns".into());
        article.published = Some("March 2, 2026".into());
        article.authors = vec!["A. Writer".into()];
        article.meta.insert("section".into(), Value::String("politics".into()));
        let ours = document(&article, 0, &Options::default()).unwrap();
        let theirs = cli_document(
            r#"{"id":"b1","text":"Share this article\n\nThe minister   resigned on Friday.\n","title":"Minister\n  resigns","date":"March 2, 2026","author":["A. Writer"],"section":"politics"}"#,
        );
        assert_eq!(ours.text, theirs.text);
        assert_eq!(ours.meta, theirs.meta);
        assert_eq!(ours.meta.title.as_deref(), Some("Minister resigns"));
        assert_eq!(ours.meta.published.as_deref(), Some("2026-03-02"));
        assert_eq!(ours.diagnostics, theirs.diagnostics);
    }

    #[test]
    fn analysis_matches_the_engine_on_the_same_document() {
        let text = "“We will not comment,” a spokesman said on Monday. Egypt accused Ethiopia of stalling.";
        let ours = analyze_articles(&[Article::new("d", text)], &Options::default()).unwrap().remove(0);
        let mut theirs = cli_document(&serde_json::json!({"id": "d", "text": text}).to_string());
        Engine::english().analyze(&mut theirs);
        let options = wire::Options::default();
        assert_eq!(
            wire::Record::from_document(&ours, options).to_json_line(),
            wire::Record::from_document(&theirs, options).to_json_line()
        );
        assert!(!ours.quotes.is_empty(), "the comparison covers a quotation");
    }

    #[test]
    fn too_large_text_is_refused_by_position_and_id() {
        let options = Options { max_bytes: 10, ..Options::default() };
        let articles = [Article::new("ok", "Short."), Article::new("big", "Eleven byte")];
        assert_eq!(
            analyze_articles(&articles, &options).unwrap_err(),
            ArticleError::TooLarge { index: 1, id: "big".into(), bytes: 11, limit: 10 }
        );
    }

    #[test]
    fn reserved_metadata_keys_are_refused() {
        let mut article = Article::new("d", "Text.");
        article.meta.insert("date".into(), Value::String("2026-01-01".into()));
        assert_eq!(
            document(&article, 4, &Options::default()).unwrap_err(),
            ArticleError::ReservedMeta { index: 4, key: "date".into() }
        );
    }

    #[test]
    fn thread_counts_give_the_same_documents_in_order() {
        let articles: Vec<Article> = (0..12)
            .map(|i| Article::new(format!("d{i}"), format!("Story {i}. “Yes,” the mayor of Lyon said.")))
            .collect();
        let wire = |docs: Vec<Document>| -> Vec<String> {
            docs.iter()
                .map(|d| wire::Record::from_document(d, wire::Options::default()).to_json_line())
                .collect()
        };
        let all = wire(analyze_articles(&articles, &Options::default()).unwrap());
        for threads in [1, 3] {
            let options = Options { threads: Some(threads), ..Options::default() };
            assert_eq!(wire(analyze_articles(&articles, &options).unwrap()), all, "threads={threads}");
        }
        assert!(all[11].contains("\"id\":\"d11\""));
        let zero = Options { threads: Some(0), ..Options::default() };
        assert!(matches!(analyze_articles(&articles, &zero), Err(ArticleError::Threads { threads: 0, .. })));
    }
}
