//! The evaluation behind `newsgraph eval nlp`: our models and spaCy's small English model on
//! the same data in the same run. UPOS, Penn tags, UAS and LAS on EWT (gold words), sentence
//! boundaries on the EWT sentences joined into running text per document, PER/ORG/LOC names on
//! UNER, and tokens per second per core for tagging, parsing and names.
//!
//! Everything here reads `../shared/data`; it is a command, not a test. The spaCy side runs
//! `eval/peers/spacy_nlp.py` in the peer Python environment and is optional.

use crate::conllu::TreebankSentence;
use crate::lemma::Lemmatizer;
use crate::ner::{iob_spans, Recognizer};
use crate::parser::Parser;
use crate::tagger::{TagScratch, Tagger};
use crate::train::{ewt, uner, DataError, Split};
use newsgraph_model::{EntityKind, Upos};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;
use thiserror::Error;

/// Why the evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    /// The data is missing or unreadable.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A shipped model could not be loaded.
    #[error("the shipped {0} model could not be loaded")]
    Model(&'static str),
}

/// How to run the spaCy peer.
#[derive(Clone, Debug)]
pub struct PeerCommand {
    /// The peer environment's Python.
    pub python: PathBuf,
    /// `eval/peers/spacy_nlp.py`.
    pub script: PathBuf,
}

/// Precision, recall and F1 over counted items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Items found and right.
    pub correct: usize,
    /// Items found.
    pub predicted: usize,
    /// Items in the gold data.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, gold: &[(usize, usize, String)], predicted: &[(usize, usize, String)]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.correct += predicted.iter().filter(|p| gold.contains(p)).count();
    }
}

/// One system's figures.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Name of the system.
    pub system: String,
    /// UPOS accuracy (%).
    pub upos: f64,
    /// Penn tag accuracy (%).
    pub xpos: f64,
    /// Unlabelled attachment score (%).
    pub uas: f64,
    /// Labelled attachment score (%), full UD relation with subtype.
    pub las: f64,
    /// Sentence boundaries on running text.
    pub sentences: Option<Prf>,
    /// Names, all types together.
    pub names: Prf,
    /// Names by type (PER, ORG, LOC).
    pub names_by_type: BTreeMap<String, Prf>,
    /// Words per second per core for tagging, parsing and names.
    pub tokens_per_second: f64,
    /// Lemma accuracy (%), ours only.
    pub lemma: Option<f64>,
}

/// The report of one evaluation run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// `dev` or `test`.
    pub split: String,
    /// Sentences and words of EWT scored.
    pub ewt_sentences: usize,
    /// Words of EWT scored.
    pub ewt_words: usize,
    /// Documents joined for sentence boundaries.
    pub documents: usize,
    /// UNER sentences scored.
    pub uner_sentences: usize,
    /// Ours.
    pub ours: Scores,
    /// spaCy's, when it ran.
    pub peer: Option<Scores>,
    /// Why the peer did not run, when it did not.
    pub peer_note: Option<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// UNER label of an output kind (`None`: not scored).
pub fn scored_label(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Org => Some("ORG"),
        EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => Some("LOC"),
        _ => None,
    }
}

/// spaCy's label in the same terms.
fn spacy_label(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        _ => None,
    }
}

/// spaCy's (ClearNLP) dependency labels that have a one-to-one UD counterpart.
fn spacy_rel(label: &str) -> &str {
    match label {
        "ROOT" => "root",
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "dobj" => "obj",
        "dative" => "iobj",
        "auxpass" => "aux:pass",
        "poss" => "nmod:poss",
        "neg" | "quantmod" => "advmod",
        "relcl" => "acl:relcl",
        "prt" => "compound:prt",
        "predet" => "det:predet",
        "preconj" => "cc:preconj",
        "npadvmod" => "obl:npmod",
        "intj" => "discourse",
        "oprd" => "xcomp",
        other => other,
    }
}

/// Sentence-start character offsets of each document's running text, and the texts: the
/// sentences joined by a space, and paragraphs (`# newpar`) by a blank line, as in a document.
fn running_texts(sentences: &[TreebankSentence]) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut texts: Vec<String> = Vec::new();
    let mut starts: Vec<Vec<usize>> = Vec::new();
    for s in sentences {
        if s.new_doc.is_some() || texts.is_empty() {
            texts.push(String::new());
            starts.push(Vec::new());
        }
        let (Some(text), Some(st)) = (texts.last_mut(), starts.last_mut()) else { continue };
        if !text.is_empty() {
            text.push_str(if s.new_par { "\n\n" } else { " " });
        }
        st.push(text.chars().count());
        text.push_str(&s.text);
    }
    (texts, starts)
}

/// Our sentence starts (character offsets) with newsgraph-text's segmenter.
fn our_sentence_starts(text: &str) -> Vec<usize> {
    use newsgraph_text::{paragraphs, sentences, tokenize};
    let index = newsgraph_model::CharIndex::new(text);
    let mut starts = Vec::new();
    for paragraph in paragraphs::paragraphs(text) {
        let mut spans = Vec::new();
        tokenize::tokenize_into(text, paragraph, &mut spans);
        for range in sentences::split(text, &spans) {
            if let Some(first) = spans.get(range.start) {
                starts.push(index.char_offset(first.start) as usize);
            }
        }
    }
    starts
}

fn boundary_prf(gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> Prf {
    let mut prf = Prf::default();
    for (g, p) in gold.iter().zip(predicted) {
        // The start of a document is not a decision.
        let g: HashSet<usize> = g.iter().copied().filter(|&o| o > 0).collect();
        let p: HashSet<usize> = p.iter().copied().filter(|&o| o > 0).collect();
        prf.gold += g.len();
        prf.predicted += p.len();
        prf.correct += p.intersection(&g).count();
    }
    prf
}

/// Run the evaluation on `split` of the data under `data`.
pub fn run(
    data: &Path,
    split: Split,
    peer: Option<&PeerCommand>,
    mut log: impl FnMut(String),
) -> Result<Report, EvalError> {
    let tagger = Tagger::load_default().ok_or(EvalError::Model("tagger"))?;
    let parser = Parser::load_default().ok_or(EvalError::Model("parser"))?;
    let recognizer = Recognizer::load_default().ok_or(EvalError::Model("recognizer"))?;
    let lemmatizer = Lemmatizer::load_default().ok_or(EvalError::Model("lemmatizer"))?;
    let treebank = ewt(data, split)?;
    let names = uner(data, split)?;
    let n_words: usize = treebank.iter().map(|s| s.words.len()).sum();
    log(format!("{} EWT sentences, {} UNER sentences", treebank.len(), names.len()));

    let mut report = Report {
        split: split.as_str().to_string(),
        ewt_sentences: treebank.len(),
        ewt_words: n_words,
        uner_sentences: names.len(),
        ..Report::default()
    };
    let mut ours = Scores { system: "newsgraph".into(), ..Scores::default() };

    // Tags, parse and lemmas on gold words.
    let (mut upos, mut xpos, mut uas, mut las, mut lemma) = (0, 0, 0, 0, 0);
    for s in &treebank {
        let forms = s.forms();
        let tags = tagger.predict(&forms);
        let arcs = parser.predict(&forms, &tags);
        for ((w, t), (head, rel)) in s.words.iter().zip(&tags).zip(&arcs) {
            upos += usize::from(w.upos == t.0);
            xpos += usize::from(w.xpos == t.1);
            let gold_head = w.head.checked_sub(1);
            if gold_head == *head {
                uas += 1;
                las += usize::from(w.rel == *rel);
            }
            lemma += usize::from(lemmatizer.lemma(&w.form, t.1) == w.lemma);
        }
    }
    ours.upos = pct(upos, n_words);
    ours.xpos = pct(xpos, n_words);
    ours.uas = pct(uas, n_words);
    ours.las = pct(las, n_words);
    ours.lemma = Some(pct(lemma, n_words));

    // Sentence boundaries.
    let (texts, gold_starts) = running_texts(&treebank);
    report.documents = texts.len();
    let our_starts: Vec<Vec<usize>> = texts.iter().map(|t| our_sentence_starts(t)).collect();
    ours.sentences = Some(boundary_prf(&gold_starts, &our_starts));

    // Names.
    for s in &names {
        let forms = s.forms();
        let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
        let gold = iob_spans(&labels);
        let tags: Vec<Upos> = tagger.predict(&forms).into_iter().map(|t| t.0).collect();
        let predicted: Vec<(usize, usize, String)> = recognizer
            .predict(&forms, &tags)
            .into_iter()
            .filter_map(|n| scored_label(n.kind).map(|l| (n.start, n.end, l.to_string())))
            .collect();
        score_names(&mut ours, &gold, &predicted);
    }

    // Speed: tag, parse and names over the gold words, one thread, best of three, in CPU time
    // of the thread (wall time where the system does not tell it), so that other work on the
    // machine does not count.
    let forms: Vec<Vec<&str>> = treebank.iter().map(|s| s.forms()).collect();
    let mut best = f64::MAX;
    let mut scratch = TagScratch::default();
    let mut classes = Vec::new();
    let mut found = 0usize;
    // Like the pipeline, each model runs over a batch of sentences (the size of a news
    // article) before the next model, so that its weights stay in cache.
    for _ in 0..3 {
        let clock = Clock::start();
        found += tag_parse_name(&tagger, &parser, &recognizer, &forms, &mut scratch, &mut classes);
        best = best.min(clock.seconds());
    }
    log(format!("timed {found} outputs"));
    ours.tokens_per_second = n_words as f64 / best.max(1e-9);
    report.ours = ours;

    if let Some(peer) = peer {
        match run_peer(peer, &treebank, &texts, &gold_starts, &names) {
            Ok(scores) => report.peer = Some(scores),
            Err(note) => report.peer_note = Some(note),
        }
    }
    Ok(report)
}

/// Sentences per batch in the speed measurement: about one news article.
const SPEED_BATCH: usize = 32;

/// Tag, parse and find names in `sentences` as the pipeline does: each model over a batch of
/// [`SPEED_BATCH`] sentences (about one article) before the next, so that its weights stay in
/// cache. Returns how many outputs were made (arcs and names), for timing loops.
pub fn tag_parse_name(
    tagger: &Tagger,
    parser: &Parser,
    recognizer: &Recognizer,
    sentences: &[Vec<&str>],
    scratch: &mut TagScratch,
    classes: &mut Vec<u16>,
) -> usize {
    let mut found = 0;
    for batch in sentences.chunks(SPEED_BATCH) {
        let tags: Vec<Vec<_>> = batch
            .iter()
            .map(|f| {
                tagger.predict_classes(f, scratch, classes);
                classes.iter().map(|&c| tagger.class(c)).collect()
            })
            .collect();
        for (f, t) in batch.iter().zip(&tags) {
            found += parser.predict(f, t).len();
        }
        for (f, t) in batch.iter().zip(&tags) {
            let upos: Vec<Upos> = t.iter().map(|t| t.0).collect();
            found += recognizer.predict(f, &upos).len();
        }
    }
    found
}

/// Thread CPU time on Linux (`/proc/thread-self/schedstat`), wall time elsewhere.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

impl Clock {
    fn start() -> Clock {
        Clock { wall: Instant::now(), cpu: thread_cpu_seconds() }
    }
    fn seconds(&self) -> f64 {
        match (self.cpu, thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn score_names(scores: &mut Scores, gold: &[(usize, usize, String)], predicted: &[(usize, usize, String)]) {
    scores.names.add(gold, predicted);
    for label in ["PER", "ORG", "LOC"] {
        let g: Vec<_> = gold.iter().filter(|x| x.2 == label).cloned().collect();
        let p: Vec<_> = predicted.iter().filter(|x| x.2 == label).cloned().collect();
        scores.names_by_type.entry(label.to_string()).or_default().add(&g, &p);
    }
}

fn words_and_spaces(s: &TreebankSentence) -> Value {
    let words: Vec<&str> = s.forms();
    let spaces: Vec<bool> = s.words.iter().map(|w| w.space_after).collect();
    json!({"words": words, "spaces": spaces})
}

fn run_peer(
    peer: &PeerCommand,
    treebank: &[TreebankSentence],
    texts: &[String],
    gold_starts: &[Vec<usize>],
    names: &[TreebankSentence],
) -> Result<Scores, String> {
    let request = json!({
        "sentences": treebank.iter().map(words_and_spaces).collect::<Vec<_>>(),
        "texts": texts,
        "ner": names.iter().map(words_and_spaces).collect::<Vec<_>>(),
    });
    let path = std::env::temp_dir().join(format!("newsgraph-nlp-peer-{}.json", std::process::id()));
    std::fs::write(&path, request.to_string())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let output = std::process::Command::new(&peer.python).arg(&peer.script).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let output = output.map_err(|e| format!("cannot run {}: {e}", peer.python.display()))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!("spaCy peer failed: {}", err.lines().last().unwrap_or("")));
    }
    let v: Value = serde_json::from_slice(&output.stdout).map_err(|e| format!("spaCy peer output: {e}"))?;
    let mut scores =
        Scores { system: v["model"].as_str().unwrap_or("spaCy").to_string(), ..Scores::default() };
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap_or("").to_string()).collect())
            .unwrap_or_default()
    };
    let (mut upos, mut xpos, mut uas, mut las, mut n) = (0, 0, 0, 0, 0);
    let empty = Vec::new();
    let sentences = v["sentences"].as_array().unwrap_or(&empty);
    for (s, p) in treebank.iter().zip(sentences) {
        let pos = strs(&p["pos"]);
        let tag = strs(&p["tag"]);
        let dep = strs(&p["dep"]);
        let heads: Vec<i64> = p["head"]
            .as_array()
            .map(|a| a.iter().map(|x| x.as_i64().unwrap_or(-2)).collect())
            .unwrap_or_default();
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += usize::from(pos.get(i).is_some_and(|p| p == w.upos.as_str()));
            xpos += usize::from(tag.get(i).is_some_and(|t| t == w.xpos.as_str()));
            let gold = i64::from(w.head) - 1;
            if heads.get(i) == Some(&gold) {
                uas += 1;
                las += usize::from(dep.get(i).is_some_and(|d| spacy_rel(d) == w.rel.as_str()));
            }
        }
    }
    scores.upos = pct(upos, n);
    scores.xpos = pct(xpos, n);
    scores.uas = pct(uas, n);
    scores.las = pct(las, n);
    let starts: Vec<Vec<usize>> = v["sentence_starts"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    d.as_array()
                        .map(|x| x.iter().filter_map(|o| o.as_u64()).map(|o| o as usize).collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    scores.sentences = Some(boundary_prf(gold_starts, &starts));
    let ner = v["ner"].as_array().unwrap_or(&empty);
    for (s, ents) in names.iter().zip(ner) {
        let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
        let gold = iob_spans(&labels);
        let predicted: Vec<(usize, usize, String)> = ents
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        let start = e[0].as_u64()? as usize;
                        let end = e[1].as_u64()? as usize;
                        Some((start, end, spacy_label(e[2].as_str()?)?.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        score_names(&mut scores, &gold, &predicted);
    }
    let tokens = v["timing"]["tokens"].as_f64().unwrap_or(0.0);
    let seconds =
        v["timing"]["cpu_seconds"].as_f64().or_else(|| v["timing"]["seconds"].as_f64()).unwrap_or(0.0);
    scores.tokens_per_second = if seconds > 0.0 { tokens / seconds } else { 0.0 };
    Ok(scores)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "NLP evaluation on the {} split: UD English EWT {} sentences / {} words (gold words), {} documents as running text; UNER English EWT {} sentences",
            self.split, self.ewt_sentences, self.ewt_words, self.documents, self.uner_sentences
        )?;
        let peer = self.peer.as_ref();
        writeln!(f, "{:<34} {:>12} {:>14}", "", "newsgraph", peer.map_or("spaCy", |_| "spaCy sm"))?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, ours: String, theirs: Option<String>| {
            writeln!(f, "{:<34} {:>12} {:>14}", name, ours, theirs.unwrap_or_else(|| "-".into()))
        };
        let o = &self.ours;
        row(f, "UPOS accuracy", format!("{:.2}", o.upos), peer.map(|p| format!("{:.2}", p.upos)))?;
        row(f, "Penn tag accuracy", format!("{:.2}", o.xpos), peer.map(|p| format!("{:.2}", p.xpos)))?;
        row(f, "UAS (all words)", format!("{:.2}", o.uas), peer.map(|p| format!("{:.2}", p.uas)))?;
        row(
            f,
            "LAS (all words, full relation)",
            format!("{:.2}", o.las),
            peer.map(|p| format!("{:.2}", p.las)),
        )?;
        let sb = |s: &Scores| s.sentences.map_or("-".to_string(), |p| format!("{:.3}", p.f1()));
        row(f, "Sentence boundary F1", sb(o), peer.map(sb))?;
        row(
            f,
            "Entity span F1 (PER/ORG/LOC)",
            format!("{:.3}", o.names.f1()),
            peer.map(|p| format!("{:.3}", p.names.f1())),
        )?;
        for label in ["PER", "ORG", "LOC"] {
            let get =
                |s: &Scores| s.names_by_type.get(label).map_or("-".to_string(), |p| format!("{:.3}", p.f1()));
            row(f, &format!("  {label} F1"), get(o), peer.map(get))?;
        }
        row(
            f,
            "Tokens/s per core (tag+parse+NER)",
            format!("{:.0}", o.tokens_per_second),
            peer.map(|p| format!("{:.0}", p.tokens_per_second)),
        )?;
        if let Some(p) = peer {
            if p.tokens_per_second > 0.0 {
                writeln!(
                    f,
                    "Speed ratio newsgraph / spaCy: {:.1}x",
                    o.tokens_per_second / p.tokens_per_second
                )?;
            }
            writeln!(f, "spaCy model: {}. Its parser uses ClearNLP relations and function-word heads, so its UAS/LAS against UD are not like for like.", p.system)?;
        }
        if let Some(l) = o.lemma {
            writeln!(f, "Lemma accuracy (ours, predicted tags): {l:.2}")?;
        }
        writeln!(
            f,
            "Speed is CPU time of one thread over the EWT words, in batches of {SPEED_BATCH} sentences (ours: best of 3 runs; spaCy: one run of nlp.pipe, batch 256, lemmatiser off)."
        )?;
        if let Some(note) = &self.peer_note {
            writeln!(f, "spaCy peer not run: {note}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::read_conllu;

    #[test]
    fn prf_and_boundaries() {
        let p = boundary_prf(&[vec![0, 10, 20]], &[vec![0, 10, 15]]);
        assert_eq!((p.correct, p.predicted, p.gold), (1, 2, 2));
        assert!((p.f1() - 0.5).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn running_text_offsets() {
        let text = "# newdoc id = a\n# newpar id = p1\n# text = Hi there.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\
# text = Bye.\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\
# newpar id = p2\n# text = See you\n1\tSee\tsee\tVERB\tVB\t_\t0\troot\t_\t_\n2\tyou\tyou\tPRON\tPRP\t_\t1\tobj\t_\t_\n\n\
# newdoc id = b\n# text = Ok.\n1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
        let s = read_conllu(text).unwrap();
        let (texts, starts) = running_texts(&s);
        assert_eq!(texts, ["Hi there. Bye.\n\nSee you", "Ok."]);
        assert_eq!(starts, [vec![0, 10, 16], vec![0]]);
        // A paragraph ends a sentence that has no final stop.
        assert_eq!(our_sentence_starts(&texts[0]), vec![0, 10, 16]);
    }

    #[test]
    fn label_maps() {
        assert_eq!(scored_label(EntityKind::Gpe), Some("LOC"));
        assert_eq!(scored_label(EntityKind::Norp), None);
        assert_eq!(spacy_label("FAC"), Some("LOC"));
        assert_eq!(spacy_label("NORP"), None);
        assert_eq!(spacy_rel("dobj"), "obj");
    }
}
