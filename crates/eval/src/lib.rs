//! Evaluations of newsgraph on data it did not write, each printing the figures of a peer
//! tool measured in the same run on the same inputs.
//!
//! The data lives outside the repository (`../shared/data` by default); every entry point
//! says clearly when it is missing. Nothing here runs in the test suite except on small
//! hand-written inputs.

pub mod align;
pub mod attribution;
pub mod peer;
pub mod polnear;

use attribution::{Predicted, Scores};
use newsgraph_engine::Engine;
use newsgraph_model::{CharIndex, Document};
use polnear::{CharRange, GoldDocument};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The dataset is not where it was looked for.
    #[error("evaluation data missing: {0}")]
    MissingData(String),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The peer tool could not be run.
    #[error("peer tool: {0}")]
    Peer(String),
}

impl EvalError {
    fn io(path: &Path, source: std::io::Error) -> EvalError {
        EvalError::Io { path: path.display().to_string(), source }
    }
}

/// Figures of one system on one run.
#[derive(Clone, Debug, Default)]
pub struct SystemRun {
    /// Seconds per pipeline stage (ours only), in pipeline order.
    pub stages: Vec<(&'static str, f64)>,
    /// Scores.
    pub scores: Scores,
    /// Seconds spent analysing (loading excluded).
    pub seconds: f64,
    /// Tokens analysed, as the system counts them.
    pub tokens: usize,
}

impl SystemRun {
    /// Tokens per second.
    pub fn tokens_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.tokens as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// The attribution evaluation: ours, and the peer's if it could run.
#[derive(Debug)]
pub struct AttributionReport {
    /// Documents evaluated.
    pub documents: usize,
    /// Annotation files (some documents have several annotators).
    pub annotation_files: usize,
    /// newsgraph.
    pub ours: SystemRun,
    /// spaCy + textacy, or why it did not run.
    pub peer: Result<SystemRun, EvalError>,
}

/// Evaluate attribution on a PolNeAR split directory.
pub fn attribution(
    split_dir: &Path,
    with_peer: bool,
    limit: Option<usize>,
) -> Result<AttributionReport, EvalError> {
    let mut docs = polnear::load(split_dir)?;
    if let Some(n) = limit {
        docs.truncate(n);
    }
    let engine = Engine::english();
    let ours = run_ours(&engine, &docs);
    let peer = if with_peer { run_peer(&docs) } else { Err(EvalError::Peer("not run (--no-peer)".into())) };
    Ok(AttributionReport {
        documents: docs.len(),
        annotation_files: docs.iter().map(|d| d.annotations.len()).sum(),
        ours,
        peer,
    })
}

/// Our predictions for one document, in characters of its original text.
pub fn predict(engine: &Engine, name: &str, text: &str) -> (Vec<Predicted>, usize) {
    let mut times = Vec::new();
    predict_profiled(engine, name, text, &mut times)
}

fn predict_profiled(
    engine: &Engine,
    name: &str,
    text: &str,
    times: &mut Vec<std::time::Duration>,
) -> (Vec<Predicted>, usize) {
    let mut doc = Document::new(name, text);
    engine.analyze_profiled(&mut doc, times);
    (predictions_of(&doc, text), doc.tokens.len())
}

/// Convert a document's attributions to predictions over `original` (the text before
/// normalisation).
pub fn predictions_of(doc: &Document, original: &str) -> Vec<Predicted> {
    let index = CharIndex::new(&doc.text);
    let map = align::char_map(original, &doc.text);
    let to_original = |span: newsgraph_model::Span| -> CharRange {
        let [s, e] = index.chars(span);
        let s = map.get(s as usize).copied().unwrap_or(0);
        // The end maps through the last character, so that a dropped run of spaces after it
        // is not included.
        let e = if e == 0 { 0 } else { map.get(e as usize - 1).map(|x| x + 1).unwrap_or(s) };
        (s, e.max(s))
    };
    doc.attributions
        .iter()
        .map(|a| {
            let mut source: Vec<CharRange> = a.source.mention.map(to_original).into_iter().collect();
            if let Some(entity) = a.source.entity.and_then(|e| doc.entities.get(e as usize)) {
                source.extend(
                    entity
                        .mentions
                        .iter()
                        .filter_map(|&m| doc.mentions.get(m as usize))
                        .map(|m| to_original(m.span)),
                );
            }
            Predicted { content: vec![to_original(a.content)], source }
        })
        .collect()
}

fn run_ours(engine: &Engine, docs: &[GoldDocument]) -> SystemRun {
    let mut predictions = HashMap::new();
    let mut tokens = 0;
    let mut times = Vec::new();
    let start = Instant::now();
    for d in docs {
        let (p, n) = predict_profiled(engine, &d.name, &d.text, &mut times);
        tokens += n;
        predictions.insert(d.name.clone(), p);
    }
    let seconds = start.elapsed().as_secs_f64();
    let stages = engine.components().into_iter().zip(times.iter().map(|t| t.as_secs_f64())).collect();
    SystemRun { scores: attribution::score(docs, &predictions), seconds, tokens, stages }
}

#[derive(Deserialize)]
struct PeerAttribution {
    content: Option<[u32; 2]>,
    source: Option<[u32; 2]>,
}

#[derive(Deserialize)]
struct PeerLine {
    name: Option<String>,
    #[serde(default)]
    attributions: Vec<PeerAttribution>,
    summary: Option<PeerSummary>,
}

#[derive(Deserialize)]
struct PeerSummary {
    seconds: f64,
    tokens: usize,
}

fn run_peer(docs: &[GoldDocument]) -> Result<SystemRun, EvalError> {
    let input: Vec<String> =
        docs.iter().map(|d| serde_json::json!({"name": d.name, "text": d.text}).to_string()).collect();
    let lines = peer::run("textacy_attribution.py", &input)?;
    let mut predictions: HashMap<String, Vec<Predicted>> = HashMap::new();
    let mut run = SystemRun::default();
    for line in lines {
        let Ok(parsed) = serde_json::from_str::<PeerLine>(&line) else { continue };
        if let Some(summary) = parsed.summary {
            run.seconds = summary.seconds;
            run.tokens = summary.tokens;
            continue;
        }
        let Some(name) = parsed.name else { continue };
        let preds = parsed
            .attributions
            .into_iter()
            .filter_map(|a| {
                let [s, e] = a.content?;
                Some(Predicted {
                    content: vec![(s, e)],
                    source: a.source.map(|[s, e]| vec![(s, e)]).unwrap_or_default(),
                })
            })
            .collect();
        predictions.insert(name, preds);
    }
    if predictions.is_empty() {
        return Err(EvalError::Peer("the peer produced no output".into()));
    }
    run.scores = attribution::score(docs, &predictions);
    Ok(run)
}
