//! The named-entity recogniser: a greedy left-to-right averaged perceptron over BILOU tags
//! for four types (person, organisation, location, other name), with word, shape, context,
//! part-of-speech, gazetteer and capitalised-run features (the run of capitalised words
//! around a word, so that a name's first word sees its last); then places are split into GPE and LOC, and other
//! names into NORP (nationalities, religious and political groups) and MISC, by gazetteer and
//! word form.
//!
//! It reads tokens and UPOS tags of one sentence at a time; it does not link mentions to
//! entities or resolve coreference.

use crate::binary::{ModelError, Reader, Writer};
use crate::clusters::prefix;
use crate::conllu::TreebankSentence;
use crate::gazetteer::{self, kind};
use crate::hash;
use crate::linear::{self, argmax, Perceptron, Weights};
use crate::tagger::{case_bucket, shuffle};
use crate::word::{flag, WordAtoms};
use crate::wordnet;
use newsgraph_model::{EntityKind, Upos};
use std::sync::Arc;

const KIND: &str = "ner";
/// Version of models without WordNet features (round 2-3 files).
const VERSION: u32 = 2;
/// Version of models with WordNet features.
const VERSION_WORDNET: u32 = 3;

/// The types the statistical model tells apart.
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
const N_CLASSES: usize = 1 + 4 * TYPES.len();

/// Options of [`Recognizer::train`].
#[derive(Clone, Debug)]
pub struct RecognizerOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling between passes.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// A WordNet lexicon for features of the kind of each word's noun sense (person,
    /// location, group…); the trained recogniser keeps it and its file records the need.
    pub wordnet: Option<Arc<wordnet::Lexicon>>,
}

impl Default for RecognizerOptions {
    fn default() -> Self {
        RecognizerOptions { epochs: 10, seed: 5, min_weight: 0.0, wordnet: wordnet::Lexicon::load_default() }
    }
}

/// A name found in a sentence: words `start..end` and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What it names.
    pub kind: EntityKind,
}

/// The trained named-entity recogniser.
#[derive(Clone, Debug)]
pub struct Recognizer {
    weights: Weights,
    /// The WordNet lexicon, for a model trained with one.
    wordnet: Option<Arc<wordnet::Lexicon>>,
    /// Whether the model was trained with WordNet features.
    needs_wordnet: bool,
}

// BILOU classes: 0 = O, then B, I, L, U for each type.
fn class(prefix: u8, ty: usize) -> usize {
    1 + 4 * ty + prefix as usize
}
const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

fn split(class: usize) -> Option<(u8, usize)> {
    if class == 0 {
        None
    } else {
        Some((((class - 1) % 4) as u8, (class - 1) / 4))
    }
}

/// May `next` follow `prev` in a BILOU sequence? (`None` before the first word.)
fn valid(prev: Option<usize>, next: usize) -> bool {
    let open = prev.and_then(split).filter(|&(p, _)| p == B || p == I).map(|(_, t)| t);
    match (open, split(next)) {
        (Some(t), Some((p, t2))) => (p == I || p == L) && t == t2,
        (Some(_), None) => false,
        (None, Some((p, _))) => p == B || p == U,
        (None, None) => true,
    }
}

/// May the sentence end after `last`?
fn can_end(last: Option<usize>) -> bool {
    !matches!(last.and_then(split), Some((B | I, _)))
}

/// IOB2 labels (`B-PER`, `I-LOC`, `O`, …) to BILOU classes. `OTH` counts as `MISC`; unknown
/// types and stray `B-O` become `O`, and an `I-` without a start opens a new name.
pub fn bilou_from_iob(labels: &[&str]) -> Vec<u16> {
    let ty_of = |t: &str| match t {
        "PER" | "PERSON" => Some(0),
        "ORG" => Some(1),
        "LOC" | "GPE" | "FAC" => Some(2),
        "MISC" | "OTH" | "NORP" => Some(3),
        _ => None,
    };
    let parsed: Vec<Option<(bool, usize)>> = labels
        .iter()
        .map(|l| {
            let (p, t) = l.split_once('-')?;
            Some((p == "B", ty_of(t)?))
        })
        .collect();
    let mut out = vec![0u16; labels.len()];
    for i in 0..labels.len() {
        let Some((begin, t)) = parsed[i] else { continue };
        let starts = begin
            || !matches!(parsed.get(i.wrapping_sub(1)).copied().flatten(), Some((_, t0)) if t0 == t && i > 0);
        let continues = matches!(parsed.get(i + 1).copied().flatten(), Some((false, t1)) if t1 == t);
        let prefix = match (starts, continues) {
            (true, true) => B,
            (true, false) => U,
            (false, true) => I,
            (false, false) => L,
        };
        out[i] = class(prefix, t) as u16;
    }
    out
}

/// Spans `(start, end, type)` of a BILOU class sequence.
fn spans(classes: &[u16]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in classes.iter().enumerate() {
        match split(c as usize) {
            Some((U, t)) => {
                out.push((i, i + 1, t));
                open = None;
            }
            Some((B, t)) => open = Some((i, t)),
            Some((L, t)) => {
                if let Some((s, t0)) = open.take() {
                    if t0 == t {
                        out.push((s, i + 1, t));
                    }
                }
            }
            Some(_) => {}
            None => open = None,
        }
    }
    out
}

/// Where a name found over `start..end` really ends: before the first lower-case verb,
/// auxiliary, pronoun or subordinating conjunction in it, or before a lower-case word right
/// after a conjunction, with the conjunctions, adpositions, determiners and punctuation left
/// dangling before that dropped. A greedy tagger that has opened a name must carry it to an
/// end, and sometimes carries it into the clause or list after it ("the North American Free
/// Trade Agreement and called for steep new tariffs", "Mitch McConnell and other").
fn clause_free_end(words: &[&str], upos: &[Upos], start: usize, end: usize) -> usize {
    let tag = |i: usize| upos.get(i).copied().unwrap_or_default();
    let Some(cut) = (start + 1..end).find(|&i| {
        words[i].chars().next().is_some_and(char::is_lowercase)
            && (matches!(tag(i), Upos::Verb | Upos::Aux | Upos::Pron | Upos::Sconj)
                || tag(i - 1) == Upos::Cconj)
    }) else {
        return end;
    };
    let mut end = cut;
    while end > start && matches!(tag(end - 1), Upos::Cconj | Upos::Adp | Upos::Det | Upos::Punct) {
        end -= 1;
    }
    end
}

const NONE: u64 = 0x6e6f_6e65;
const START: u64 = 0x7374_6172;

struct Context<'a> {
    atoms: &'a [WordAtoms],
    upos: &'a [u64],
    gaz: &'a [gazetteer::Match],
    runs: &'a [Run],
    case: u64,
    /// WordNet codes of the words ([`wordnet_codes`]); empty without a lexicon.
    wn: &'a [u64],
}

/// Each word's WordNet code: for a capitalised word, the noun kind and instance bit of a
/// capitalised lemma of that form, and for every word the parts of speech and noun kind of
/// its lower-case entry. Empty without a lexicon.
fn wordnet_codes(lexicon: Option<&wordnet::Lexicon>, atoms: &[WordAtoms]) -> Vec<u64> {
    use wordnet::flag as wf;
    let Some(lx) = lexicon else { return Vec::new() };
    atoms
        .iter()
        .map(|a| {
            let low = lx.lower(a.lower) & (wf::KIND_MASK | 0xf);
            let cap = if a.flags & (flag::TITLE | flag::UPPER) != 0 {
                lx.capitalised(a.form) & (wf::KIND_MASK | wf::INSTANCE | wf::NOUN)
            } else {
                0
            };
            u64::from(cap) << 16 | u64::from(low) | 1 << 40
        })
        .collect()
}

/// The run of capitalised or proper-noun words (joined by a few name-internal function words
/// such as *of*) that a word belongs to: `start..end`, empty when it is in none. A greedy
/// tagger commits to a name's type at its first word; the run's last word (*Lake*, *Hall*,
/// *Inc.*), the whole run and the words around it let that first decision see the whole
/// candidate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Run {
    start: u32,
    end: u32,
}

/// Words that may sit inside a name between two capitalised words.
const RUN_JOINERS: &[&str] = &["of", "&", "de", "der", "van", "von", "du", "la", "del"];

/// The run of each word, in one left-to-right sweep.
fn runs(words: &[&str], upos: &[u64]) -> Vec<Run> {
    let propn = Upos::Propn.index() as u64;
    let cap = |i: usize| -> bool {
        words[i].chars().next().is_some_and(char::is_uppercase) || upos.get(i) == Some(&propn)
    };
    let mut out = vec![Run::default(); words.len()];
    let mut i = 0;
    while i < words.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < words.len() && cap(end) {
                end += 1;
            } else if end + 1 < words.len()
                && RUN_JOINERS.iter().any(|j| words[end].eq_ignore_ascii_case(j))
                && cap(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        for r in &mut out[start..end] {
            *r = Run { start: start as u32, end: end as u32 };
        }
        i = end;
    }
    out
}

fn push(out: &mut Vec<u32>, template: u32, atoms: &[u64]) {
    out.push(linear::key(hash::feature(1000 + template, atoms)));
}

fn features(cx: &Context<'_>, i: usize, history: &[u16], out: &mut Vec<u32>) {
    out.clear();
    let w = &cx.atoms[i];
    let at = |j: isize| -> Option<&WordAtoms> { usize::try_from(j).ok().and_then(|j| cx.atoms.get(j)) };
    let upos =
        |j: isize| -> u64 { usize::try_from(j).ok().and_then(|j| cx.upos.get(j)).copied().unwrap_or(NONE) };
    let gaz = |j: isize| -> u64 {
        usize::try_from(j)
            .ok()
            .and_then(|j| cx.gaz.get(j))
            .map_or(NONE, |m| u64::from(m.kinds) << 2 | u64::from(m.position))
    };
    let ii = i as isize;
    let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    let lower = |a: Option<&WordAtoms>| a.map_or(NONE, |a| a.lower);
    let shape = |a: Option<&WordAtoms>| a.map_or(NONE, |a| a.short_shape);
    let t = |k: usize| if i >= k { u64::from(history[i - k]) } else { START };
    let (t1, t2) = (t(1), t(2));
    let case_flags = u64::from(w.flags & (flag::TITLE | flag::UPPER | flag::LOWER));
    let u0 = upos(ii);
    let g0 = gaz(ii);
    let mut n = 0u32;
    let mut f = |atoms: &[u64]| {
        n += 1;
        push(out, n, atoms);
    };
    f(&[]);
    f(&[w.lower]);
    f(&[w.form]);
    f(&[w.shape]);
    f(&[w.short_shape]);
    f(&[w.prefix[1]]);
    f(&[w.prefix[2]]);
    f(&[w.suffix[1]]);
    f(&[w.suffix[2]]);
    f(&[w.suffix[3]]);
    f(&[u64::from(w.flags)]);
    f(&[lower(p1)]);
    f(&[lower(n1)]);
    f(&[lower(p2)]);
    f(&[lower(n2)]);
    f(&[lower(p1), w.lower]);
    f(&[w.lower, lower(n1)]);
    f(&[shape(p1), w.short_shape, shape(n1)]);
    f(&[u0]);
    f(&[upos(ii - 1), u0, upos(ii + 1)]);
    f(&[u0, w.short_shape]);
    f(&[u0, w.lower]);
    f(&[g0]);
    f(&[gaz(ii - 1), g0, gaz(ii + 1)]);
    f(&[g0, case_flags]);
    f(&[t1]);
    f(&[t1, t2]);
    f(&[t1, w.short_shape]);
    f(&[t1, w.lower]);
    f(&[t1, u0]);
    f(&[t1, g0]);
    f(&[cx.case, case_flags, u0]);
    f(&[cx.case, w.lower]);
    f(&[u64::from(i == 0), case_flags, u0]);
    f(&[lower(p1), case_flags]);
    f(&[case_flags, lower(n1)]);
    // The capitalised run around the word: where the word sits in it, its edges, its length,
    // the whole run, and the words on either side.
    let run = cx.runs[i];
    if run.end > run.start {
        let (s, e) = (run.start as usize, run.end as usize);
        let place = u64::from(i == s) | u64::from(i + 1 == e) << 1;
        let len = (e - s).min(4) as u64;
        let last = &cx.atoms[e - 1];
        let (before, after) = (lower(at(s as isize - 1)), lower(at(e as isize)));
        f(&[place, last.lower]);
        f(&[place, last.suffix[2]]);
        f(&[place, gaz(e as isize - 1)]);
        f(&[place, len]);
        f(&[place, cx.atoms[s].lower]);
        f(&[place, after]);
        f(&[place, before]);
        f(&[place, before, after]);
        let whole = cx.atoms[s..e].iter().fold(0x0072_756e_u64, |h, a| hash::mix(h, a.lower));
        f(&[whole, (i - s).min(3) as u64]);
        if !cx.wn.is_empty() {
            push(out, 100, &[place, cx.wn[e - 1]]);
            push(out, 101, &[place, cx.wn[s]]);
        }
        push(out, 110, &[place, prefix(last.cluster, 12)]);
        push(out, 111, &[place, prefix(cx.atoms[s].cluster, 12)]);
    }
    if let Some(&w0) = cx.wn.get(i) {
        let wn = |j: isize| usize::try_from(j).ok().and_then(|j| cx.wn.get(j)).copied().unwrap_or(NONE);
        push(out, 102, &[w0, case_flags]);
        push(out, 103, &[w0, t1]);
        push(out, 104, &[wn(ii - 1), w0]);
        push(out, 105, &[w0, wn(ii + 1)]);
    }
    // Brown clusters: words the training data never saw share features with those it did.
    let c = |a: Option<&WordAtoms>, k: u32| a.map_or(NONE, |a| prefix(a.cluster, k));
    push(out, 112, &[prefix(w.cluster, 8)]);
    push(out, 113, &[prefix(w.cluster, 32)]);
    push(out, 114, &[c(p1, 8)]);
    push(out, 115, &[c(n1, 8)]);
    push(out, 116, &[prefix(w.cluster, 12), case_flags]);
    push(out, 117, &[prefix(w.cluster, 32), case_flags, u0]);
}

impl Recognizer {
    /// Find the names in one sentence, given its words and their UPOS tags.
    pub fn predict(&self, words: &[&str], upos: &[Upos]) -> Vec<Name> {
        let classes = self.predict_classes(words, upos);
        spans(&classes)
            .into_iter()
            .filter_map(|(start, end, ty)| {
                let end = clause_free_end(words, upos, start, end);
                (end > start).then(|| Name { start, end, kind: refine(&words[start..end], ty) })
            })
            .collect()
    }

    fn predict_classes(&self, words: &[&str], upos: &[Upos]) -> Vec<u16> {
        let atoms: Vec<WordAtoms> = words.iter().map(|w| WordAtoms::new(w).with_cluster()).collect();
        let tags: Vec<u64> =
            (0..words.len()).map(|i| upos.get(i).copied().unwrap_or_default().index() as u64).collect();
        let gaz = gazetteer::matches(words);
        let runs = runs(words, &tags);
        let wn = wordnet_codes(self.wordnet.as_deref(), &atoms);
        let cx = Context {
            atoms: &atoms,
            upos: &tags,
            gaz: &gaz,
            runs: &runs,
            case: case_bucket(&atoms),
            wn: &wn,
        };
        let mut out: Vec<u16> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0i32; N_CLASSES];
        for i in 0..words.len() {
            features(&cx, i, &out, &mut feats);
            self.weights.best(&feats, &mut scores);
            let last = i + 1 == words.len();
            let c = best_valid(&scores, out.last().map(|&c| c as usize), last);
            out.push(c as u16);
        }
        out
    }

    /// Train on sentences whose words carry IOB2 labels in `Word::ner`, with UPOS tags for
    /// each sentence. `report` is called after each epoch.
    pub fn train(
        sentences: &[TreebankSentence],
        upos: &[Vec<Upos>],
        options: &RecognizerOptions,
        mut report: impl FnMut(usize, &Recognizer, f64),
    ) -> Recognizer {
        struct Item {
            atoms: Vec<WordAtoms>,
            tags: Vec<u64>,
            gaz: Vec<gazetteer::Match>,
            runs: Vec<Run>,
            case: u64,
            gold: Vec<u16>,
            wn: Vec<u64>,
        }
        let items: Vec<Item> = sentences
            .iter()
            .zip(upos)
            .map(|(s, u)| {
                let forms = s.forms();
                let atoms: Vec<WordAtoms> = forms.iter().map(|w| WordAtoms::new(w).with_cluster()).collect();
                let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
                let case = case_bucket(&atoms);
                let tags: Vec<u64> =
                    (0..forms.len()).map(|i| u.get(i).copied().unwrap_or_default().index() as u64).collect();
                Item {
                    wn: wordnet_codes(options.wordnet.as_deref(), &atoms),
                    runs: runs(&forms, &tags),
                    tags,
                    gaz: gazetteer::matches(&forms),
                    atoms,
                    case,
                    gold: bilou_from_iob(&labels),
                }
            })
            .collect();
        let mut model = Perceptron::new(N_CLASSES);
        let mut recognizer = Recognizer {
            weights: model.average(0.0),
            wordnet: options.wordnet.clone(),
            needs_wordnet: options.wordnet.is_some(),
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        let mut rng = options.seed.max(1);
        let mut feats = Vec::new();
        let mut scores = vec![0f32; N_CLASSES];
        for epoch in 0..options.epochs {
            shuffle(&mut order, &mut rng);
            let (mut right, mut total) = (0usize, 0usize);
            for &k in &order {
                let item = &items[k];
                let cx = Context {
                    atoms: &item.atoms,
                    upos: &item.tags,
                    gaz: &item.gaz,
                    runs: &item.runs,
                    case: item.case,
                    wn: &item.wn,
                };
                let mut history: Vec<u16> = Vec::with_capacity(item.atoms.len());
                for i in 0..item.atoms.len() {
                    features(&cx, i, &history, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    model.score(&feats, &mut scores);
                    let last = i + 1 == item.atoms.len();
                    let guess = best_valid(&scores, history.last().map(|&c| c as usize), last);
                    let truth = item.gold[i] as usize;
                    model.tick();
                    model.learn(&feats, truth, guess);
                    right += usize::from(guess == truth);
                    total += 1;
                    history.push(guess as u16);
                }
            }
            recognizer.weights = model.average(options.min_weight);
            report(epoch + 1, &recognizer, right as f64 / total.max(1) as f64);
        }
        recognizer
    }

    /// Number of features and weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.n_features(), self.weights.n_weights())
    }

    /// The same recogniser without weights smaller than `min` (integer units).
    pub fn pruned(&self, min: i16) -> Recognizer {
        Recognizer { weights: self.weights.pruned(min), ..self.clone() }
    }

    /// Serialise the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let version = if self.needs_wordnet { VERSION_WORDNET } else { VERSION };
        let mut w = Writer::new(KIND, version, crate::DATA_NOTICE);
        self.weights.write(&mut w);
        w.into_bytes()
    }

    /// Read a model written by [`Recognizer::to_bytes`]. A model trained with WordNet
    /// features gets the shipped lexicon back ([`Recognizer::with_wordnet`] gives it another).
    pub fn from_bytes(data: &[u8]) -> Result<Recognizer, ModelError> {
        let (mut r, needs_wordnet) = match Reader::open(data, KIND, VERSION_WORDNET) {
            Ok(r) => (r, true),
            Err(ModelError::Version { found: VERSION, .. }) => (Reader::open(data, KIND, VERSION)?, false),
            Err(e) => return Err(e),
        };
        let weights = Weights::read(&mut r)?;
        if weights.n_classes() != N_CLASSES {
            return Err(ModelError::Corrupt("recogniser class count"));
        }
        r.finish()?;
        let wordnet = if needs_wordnet { wordnet::Lexicon::load_default() } else { None };
        Ok(Recognizer { weights, wordnet, needs_wordnet })
    }

    /// Whether the model was trained with WordNet features and needs the lexicon.
    pub fn needs_wordnet(&self) -> bool {
        self.needs_wordnet
    }

    /// The same recogniser with `lexicon` for its WordNet features (used only by a model
    /// trained with them).
    pub fn with_wordnet(mut self, lexicon: Arc<wordnet::Lexicon>) -> Recognizer {
        if self.needs_wordnet {
            self.wordnet = Some(lexicon);
        }
        self
    }
}

fn best_valid<T: PartialOrd + Copy>(scores: &[T], prev: Option<usize>, last: bool) -> usize {
    let mut best: Option<usize> = None;
    for c in 0..scores.len() {
        if valid(prev, c) && (!last || can_end(Some(c))) && best.is_none_or(|b| scores[c] > scores[b]) {
            best = Some(c);
        }
    }
    best.unwrap_or_else(|| argmax(scores))
}

/// Words that mark a place as a natural feature or a region rather than a polity.
const LOC_WORDS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "lake",
    "mountain",
    "mountains",
    "mount",
    "mt.",
    "valley",
    "bay",
    "island",
    "islands",
    "desert",
    "coast",
    "peninsula",
    "gulf",
    "strait",
    "canal",
    "forest",
    "park",
    "beach",
    "falls",
    "canyon",
    "region",
    "continent",
    "hills",
    "creek",
    "harbor",
    "harbour",
];
/// Words that mark a place as a building or structure.
const FAC_WORDS: &[&str] = &[
    "street",
    "st.",
    "avenue",
    "ave",
    "ave.",
    "road",
    "rd.",
    "boulevard",
    "blvd",
    "blvd.",
    "highway",
    "airport",
    "bridge",
    "tower",
    "square",
    "stadium",
    "station",
    "building",
    "hall",
    "center",
    "centre",
    "palace",
    "plaza",
    "mall",
    "arena",
    "terminal",
    "route",
    "lane",
    "drive",
];

/// The output kind of a span of model type `ty` (index into [`TYPES`]).
fn refine(words: &[&str], ty: usize) -> EntityKind {
    match ty {
        0 => EntityKind::Person,
        1 => EntityKind::Org,
        2 => {
            let kinds = gazetteer::lookup(words);
            if kinds & kind::GPE != 0 {
                return EntityKind::Gpe;
            }
            if kinds & kind::REGION != 0 {
                return EntityKind::Loc;
            }
            let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
            if FAC_WORDS.contains(&last.as_str()) {
                EntityKind::Fac
            } else if LOC_WORDS.contains(&last.as_str()) || LOC_WORDS.contains(&first.as_str()) {
                EntityKind::Loc
            } else {
                EntityKind::Gpe
            }
        }
        _ => {
            let kinds = gazetteer::lookup(words);
            if kinds & (kind::NATIONALITY | kind::GROUP) != 0 {
                return EntityKind::Norp;
            }
            let last = words.last().copied().unwrap_or("");
            let demonym = ["an", "ans", "ese", "ish", "is", "ite", "ites", "ist", "ists"]
                .iter()
                .any(|s| last.len() > s.len() + 2 && last.to_lowercase().ends_with(s));
            if words.len() == 1 && demonym {
                EntityKind::Norp
            } else {
                EntityKind::Misc
            }
        }
    }
}

/// Spans of an IOB2 label sequence as `(start, end, label)`, for evaluation.
pub fn iob_spans(labels: &[&str]) -> Vec<(usize, usize, String)> {
    let classes = bilou_from_iob(labels);
    let mut out = Vec::new();
    // Recover the original label text of each span from its first word.
    for (s, e, _) in spans(&classes) {
        let label = labels[s].split_once('-').map(|(_, t)| t.to_string()).unwrap_or_default();
        out.push((s, e, label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    #[test]
    fn iob_to_bilou_and_back() {
        let labels = ["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "O", "I-LOC", "B-O", "B-OTH"];
        let c = bilou_from_iob(&labels);
        assert_eq!(spans(&c), vec![(0, 2, 0), (3, 4, 2), (4, 5, 1), (6, 7, 2), (8, 9, 3)]);
        assert_eq!(c[7], 0);
        assert_eq!(iob_spans(&labels)[4], (8, 9, "OTH".to_string()));
    }

    #[test]
    fn a_name_carried_into_the_clause_after_it_ends_before_the_clause() {
        use Upos::*;
        let cut = |sentence: &[(&str, Upos)], start: usize, end: usize| {
            let (words, upos): (Vec<&str>, Vec<Upos>) = sentence.iter().copied().unzip();
            clause_free_end(&words, &upos, start, end)
        };
        let treaty = [
            ("the", Det),
            ("Free", Adj),
            ("Trade", Propn),
            ("Agreement", Noun),
            ("and", Cconj),
            ("called", Verb),
            ("for", Adp),
            ("steep", Adj),
        ];
        assert_eq!(cut(&treaty, 1, 8), 4);
        let leader =
            [("Mitch", Propn), ("McConnell", Propn), ("and", Cconj), ("other", Adj), ("leaders", Noun)];
        assert_eq!(cut(&leader, 0, 4), 2);
        let said = [("league", Propn), ("”", Punct), ("and", Cconj), ("said", Verb), ("that", Sconj)];
        assert_eq!(cut(&said, 0, 5), 1);
        // Names with lower-case words of their own, and coordinated capitalised names.
        let bank =
            [("Bank", Propn), ("of", Adp), ("the", Det), ("West", Propn), ("and", Cconj), ("Trust", Propn)];
        assert_eq!(cut(&bank, 0, 6), 6);
        let city = [("Sadr", Propn), ("city", Noun)];
        assert_eq!(cut(&city, 0, 2), 2);
        // A verb right after the first word leaves nothing but that word.
        let one = [("Obama", Propn), ("said", Verb)];
        assert_eq!(cut(&one, 0, 2), 1);
    }

    #[test]
    fn bilou_constraints() {
        assert!(valid(None, class(B, 0)));
        assert!(!valid(None, class(I, 0)));
        assert!(!valid(Some(class(B, 0)), 0));
        assert!(!valid(Some(class(B, 0)), class(L, 1)));
        assert!(valid(Some(class(I, 2)), class(L, 2)));
        assert!(!can_end(Some(class(B, 1))));
    }

    #[test]
    fn capitalised_runs() {
        let words = ["the", "Bank", "of", "America", "and", "Orchestra", "Hall", "of"];
        let tags: Vec<u64> = vec![0; words.len()];
        let r: Vec<(u32, u32)> = runs(&words, &tags).iter().map(|r| (r.start, r.end)).collect();
        assert_eq!(r, [(0, 0), (1, 4), (1, 4), (1, 4), (0, 0), (5, 7), (5, 7), (0, 0)]);
        // A lower-case proper noun counts; a joiner at the end does not.
        let propn = Upos::Propn.index() as u64;
        let r = runs(&["in", "tampa", "of"], &[0, propn, 0]);
        assert_eq!(r.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>(), [(0, 0), (1, 2), (0, 0)]);
        assert!(runs(&[], &[]).is_empty());
    }

    #[test]
    fn places_and_groups_are_refined() {
        assert_eq!(refine(&["China"], 2), EntityKind::Gpe);
        assert_eq!(refine(&["Qaim"], 2), EntityKind::Gpe);
        assert_eq!(refine(&["Middle", "East"], 2), EntityKind::Loc);
        assert_eq!(refine(&["Hudson", "River"], 2), EntityKind::Loc);
        assert_eq!(refine(&["Pennsylvania", "Avenue"], 2), EntityKind::Fac);
        assert_eq!(refine(&["Chinese"], 3), EntityKind::Norp);
        assert_eq!(refine(&["Shiites"], 3), EntityKind::Norp);
        assert_eq!(refine(&["Titanic"], 3), EntityKind::Misc);
    }

    #[test]
    fn learns_toy_names_and_round_trips() {
        let mut sentences = Vec::new();
        let mut tags = Vec::new();
        for name in ["Anna", "Boris", "Chen", "Dalia", "Emil"] {
            for city in ["Paris", "Lagos", "Lima"] {
                let words = [
                    (name, "B-PER", Upos::Propn),
                    ("visited", "O", Upos::Verb),
                    (city, "B-LOC", Upos::Propn),
                ];
                sentences.push(TreebankSentence {
                    words: words
                        .iter()
                        .map(|&(f, l, _)| Word { form: f.into(), ner: l.into(), ..Word::default() })
                        .collect(),
                    ..TreebankSentence::default()
                });
                tags.push(words.iter().map(|w| w.2).collect::<Vec<_>>());
            }
        }
        let r = Recognizer::train(
            &sentences,
            &tags,
            &RecognizerOptions { epochs: 5, ..Default::default() },
            |_, _, _| {},
        );
        let names = r.predict(&["Boris", "visited", "Lima"], &[Upos::Propn, Upos::Verb, Upos::Propn]);
        assert_eq!(
            names,
            vec![
                Name { start: 0, end: 1, kind: EntityKind::Person },
                Name { start: 2, end: 3, kind: EntityKind::Gpe }
            ]
        );
        let back = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert_eq!(
            back.predict(&["Boris", "visited", "Lima"], &[Upos::Propn, Upos::Verb, Upos::Propn]),
            names
        );
        assert!(r.predict(&[], &[]).is_empty());
    }

    #[test]
    fn wordnet_codes_and_a_model_that_needs_them() {
        let data = [
            ("data.noun", "00000200 15 n 01 Nairobi 0 001 @i 00000400 n 0000 | a city\n".to_string()),
            ("data.verb", "00000500 38 v 01 visit 0 000 01 + 02 00 | go to see\n".to_string()),
        ];
        let wn = Arc::new(wordnet::Lexicon::from_texts(&data, "nairobi n 1 1 @i 1 0 00000200\n").unwrap());
        let atoms: Vec<WordAtoms> =
            ["Nairobi", "nairobi", "visit", "Zed"].iter().map(|w| WordAtoms::new(w)).collect();
        assert!(wordnet_codes(None, &atoms).is_empty());
        let codes = wordnet_codes(Some(&wn), &atoms);
        let place = u64::from((wordnet::NounKind::Location as u16) << wordnet::flag::KIND_SHIFT);
        assert_eq!(codes[0] >> 16 & place, place, "capitalised lemma: location");
        assert_eq!(codes[1], 1 << 40, "the capitalised lemma needs its capital");
        assert_eq!(codes[2] & 0xffff, u64::from(wordnet::flag::VERB));
        assert_eq!(codes[3], 1 << 40);

        let sentence = |words: &[(&str, &str)]| TreebankSentence {
            words: words
                .iter()
                .map(|&(f, l)| Word { form: f.into(), ner: l.into(), ..Word::default() })
                .collect(),
            ..TreebankSentence::default()
        };
        let sentences = vec![sentence(&[("Anna", "B-PER"), ("visited", "O"), ("Nairobi", "B-LOC")]); 4];
        let tags = vec![vec![Upos::Propn, Upos::Verb, Upos::Propn]; 4];
        let options = RecognizerOptions { epochs: 3, wordnet: Some(wn.clone()), ..Default::default() };
        let r = Recognizer::train(&sentences, &tags, &options, |_, _, _| {});
        assert!(r.needs_wordnet());
        let back = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert!(back.needs_wordnet());
        let words = ["Anna", "visited", "Nairobi"];
        assert_eq!(back.with_wordnet(wn).predict(&words, &tags[0]), r.predict(&words, &tags[0]));
        let plain = Recognizer::train(
            &sentences,
            &tags,
            &RecognizerOptions { wordnet: None, ..options },
            |_, _, _| {},
        );
        assert!(!Recognizer::from_bytes(&plain.to_bytes()).unwrap().needs_wordnet());
    }
}
