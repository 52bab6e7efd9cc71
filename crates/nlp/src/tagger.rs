//! The part-of-speech tagger: two greedy left-to-right averaged perceptrons. The first
//! gives each word its Universal POS tag; the second, which also sees the first one's tags
//! of the words around, gives the Penn Treebank tag among those that go with that UPOS.
//!
//! Features are the word's form, affixes, shape and flags, its neighbours within two words,
//! the two tags just predicted, the capitalisation of the sentence and each word's *ambiguity
//! class* (the set of tag pairs it had in training), which gives a cheap look at the words to
//! the right. It does not lemmatise (see [`crate::lemma`]) and looks at one sentence at a time.

use crate::binary::{ModelError, Reader, Writer};
use crate::conllu::TreebankSentence;
use crate::hash;
use crate::linear::{self, argmax, KeyMap, Perceptron, Weights};
use crate::word::WordAtoms;
use crate::wordnet;
use newsgraph_model::{Tag, Upos};
use std::sync::Arc;

const KIND: &str = "tagger";
/// Version of models trained without the WordNet lexicon (the file format of round 1-3).
const VERSION: u32 = 1;
/// Version of models that fall back on the WordNet lexicon for words not in their own.
const VERSION_WORDNET: u32 = 2;

/// Words seen in training, by lower-cased and by exact form: the hash of the set of tag
/// pairs each had (its ambiguity class).
#[derive(Clone, Debug, Default)]
struct Lexicon {
    lower: KeyMap<u32>,
    form: KeyMap<u32>,
}

impl Lexicon {
    /// The ambiguity classes of a word by lower-cased and exact form; a word missing from the
    /// training lexicon gets, if `wordnet` knows it, a class made of its WordNet word-class
    /// flags instead (the lower-case entry for the first, a capitalised lemma's for the second).
    fn lookup(&self, a: &WordAtoms, wordnet: Option<&wordnet::Lexicon>) -> (u32, u32) {
        let mut l = self.lower.get(&linear::key(a.lower)).copied().unwrap_or_default();
        let mut f = self.form.get(&linear::key(a.form)).copied().unwrap_or_default();
        if let Some(wn) = wordnet {
            if l == 0 {
                let flags = wn.lower(a.lower) & (wordnet::flag::WORD_CLASS | wordnet::flag::INSTANCE);
                if flags != 0 {
                    l = linear::key(hash::mix(0x0077_6e6c_6f77_6572, u64::from(flags)));
                }
            }
            if f == 0 {
                let flags = wn.capitalised(a.form) & (wordnet::flag::WORD_CLASS | wordnet::flag::INSTANCE);
                if flags != 0 {
                    f = linear::key(hash::mix(0x0077_6e63_6170_6974, u64::from(flags)));
                }
            }
        }
        (l, f)
    }
}

/// Options of [`Tagger::train`].
#[derive(Clone, Debug)]
pub struct TaggerOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling between passes.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// A word needs this many training occurrences to enter the lexicon.
    pub lexicon_min_count: u32,
    /// A class needs this share of a word's occurrences to enter its ambiguity class.
    pub ambiguity_min_share: f32,
    /// Training sentences see a lexicon built from the other folds of this many (0 or 1: the
    /// full lexicon), so that their ambiguity classes are as noisy as on unseen text. The
    /// Penn tagger is trained on UPOS tags predicted by models that did not see the
    /// sentence, from this many folds.
    pub jackknife: usize,
    /// Folds for the UPOS tags the Penn model is trained on (at least 2).
    pub penn_folds: usize,
    /// A WordNet lexicon to fall back on for words missing from the training lexicon; the
    /// trained tagger keeps it and its model file records that it needs it.
    pub wordnet: Option<Arc<wordnet::Lexicon>>,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 6,
            seed: 7,
            min_weight: 0.0,
            lexicon_min_count: 3,
            ambiguity_min_share: 0.05,
            jackknife: 10,
            penn_folds: 3,
            wordnet: wordnet::Lexicon::load_default(),
        }
    }
}

/// The trained part-of-speech tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// Tag pairs seen in training: the classes of the Penn model.
    classes: Vec<(Upos, Tag)>,
    /// For each UPOS index, the pair classes with that UPOS.
    by_upos: Vec<Vec<u16>>,
    lexicon: Lexicon,
    /// UPOS model (classes: `Upos::index`).
    upos: Weights,
    /// Penn model (classes: pairs).
    xpos: Weights,
    /// The WordNet lexicon, for a model trained with one.
    wordnet: Option<Arc<wordnet::Lexicon>>,
    /// Whether the model was trained with a WordNet lexicon (and so needs one).
    needs_wordnet: bool,
}

/// Reusable buffers for tagging one sentence after another.
#[derive(Debug, Default)]
pub struct TagScratch {
    atoms: Vec<WordAtoms>,
    ambiguity: Vec<u64>,
    form_ambiguity: Vec<u64>,
    first: Vec<u16>,
    features: Vec<u32>,
    scores: Vec<i32>,
}

// Feature templates.
const T_BIAS: u32 = 0;
const T_LOWER: u32 = 1;
const T_FORM: u32 = 2;
const T_SUFFIX: u32 = 3; // 3..=6
const T_PREFIX: u32 = 7; // 7..=9
const T_SHAPE: u32 = 10;
const T_FLAGS: u32 = 11;
const T_PREV1: u32 = 12;
const T_NEXT1: u32 = 13;
const T_PREV2: u32 = 14;
const T_NEXT2: u32 = 15;
const T_TAG1: u32 = 16;
const T_TAG2: u32 = 17;
const T_TAG12: u32 = 18;
const T_TAG1_LOWER: u32 = 19;
const T_PREV1_LOWER: u32 = 20;
const T_LOWER_NEXT1: u32 = 21;
const T_PREV1_SUFFIX: u32 = 22;
const T_NEXT1_SUFFIX: u32 = 23;
const T_PREV1_SHAPE: u32 = 24;
const T_NEXT1_SHAPE: u32 = 25;
const T_AMB0: u32 = 26;
const T_AMB1: u32 = 27;
const T_AMB2: u32 = 28;
const T_TAG1_AMB1: u32 = 29;
const T_AMB0_AMB1: u32 = 30;
const T_FIRST_SHAPE: u32 = 31;
const T_NEXT12: u32 = 32;
const T_TAG1_SUFFIX: u32 = 33;
const T_SHORT_SHAPE: u32 = 34;
const T_TAG1_AMB0: u32 = 35;
const T_LAST_SHAPE: u32 = 36;
const T_AMB0_AMB1_AMB2: u32 = 37;
const T_TAG1_AMB0_AMB1: u32 = 38;
const T_CASE_FLAGS: u32 = 39;
const T_FAMB0: u32 = 42;
const T_FAMB0_TAG1: u32 = 43;
const T_FAMB1: u32 = 44;
const T_FAMB0_CASE: u32 = 45;
// Second pass only.
const T_R0: u32 = 60;
const T_R0_LOWER: u32 = 61;
const T_R0_FORM: u32 = 62;
const T_R0_SUFFIX1: u32 = 63;
const T_R0_SUFFIX2: u32 = 64;
const T_R0_SUFFIX3: u32 = 65;
const T_R0_SHAPE: u32 = 66;
const T_R0_AMB: u32 = 67;
const T_R0_FAMB: u32 = 68;
const T_RP_R0: u32 = 69;
const T_R0_RN: u32 = 70;
const T_TAG1_R0: u32 = 71;
const T_R0_PREV: u32 = 72;
const T_R0_NEXT: u32 = 73;
const T_R0_PREV2: u32 = 74;

const NONE: u64 = 0x6e6f_6e65; // a neighbour beyond the sentence
const START_TAG: u64 = 0x0053_5441_5254;

fn push(out: &mut Vec<u32>, template: u32, atoms: &[u64]) {
    out.push(linear::key(hash::feature(template, atoms)));
}

/// How capitalised a sentence is: 0 to 3 by the share of title-case words, 4 for mostly
/// upper-case text. Headlines and shouted reviews capitalise common words.
pub(crate) fn case_bucket(atoms: &[WordAtoms]) -> u64 {
    use crate::word::flag;
    let (mut alpha, mut title, mut upper) = (0u32, 0u32, 0u32);
    for a in atoms {
        if a.flags & (flag::TITLE | flag::UPPER | flag::LOWER) != 0 {
            alpha += 1;
            title += u32::from(a.flags & flag::TITLE != 0);
            upper += u32::from(a.flags & flag::UPPER != 0 && a.len > 1);
        }
    }
    if alpha == 0 {
        return 5;
    }
    if upper * 5 >= alpha * 4 && alpha > 1 {
        return 4;
    }
    u64::from((title * 4 / (alpha + 1)).min(3))
}

/// One sentence as the feature extractor sees it.
struct Context<'a> {
    atoms: &'a [WordAtoms],
    amb: &'a [u64],
    famb: &'a [u64],
    case: u64,
    /// UPOS classes, for the Penn model.
    first: Option<&'a [u16]>,
}

/// The features of word `i`, given the classes predicted for the words before it.
fn features(cx: &Context<'_>, i: usize, history: &[u16], out: &mut Vec<u32>) {
    use crate::word::flag;
    out.clear();
    let atoms = cx.atoms;
    let w = &atoms[i];
    let n = atoms.len();
    let at = |j: isize| -> Option<&WordAtoms> { usize::try_from(j).ok().and_then(|j| atoms.get(j)) };
    let amb_at = |j: usize| -> u64 { cx.amb.get(j).copied().unwrap_or(NONE) };
    let ii = i as isize;
    let p1 = at(ii - 1);
    let p2 = at(ii - 2);
    let n1 = at(ii + 1);
    let n2 = at(ii + 2);
    let lower = |a: Option<&WordAtoms>| a.map_or(NONE, |a| a.lower);
    let tag = |k: usize| -> u64 {
        if i >= k {
            u64::from(history[i - k]) + 1
        } else {
            START_TAG
        }
    };
    let t1 = tag(1);
    let t2 = tag(2);
    let a0 = amb_at(i);
    let a1 = if i + 1 < n { amb_at(i + 1) } else { NONE };
    let a2 = if i + 2 < n { amb_at(i + 2) } else { NONE };
    let f0 = cx.famb.get(i).copied().unwrap_or(NONE);
    let f1 = cx.famb.get(i + 1).copied().unwrap_or(NONE);
    let case = cx.case;

    push(out, T_BIAS, &[]);
    push(out, T_LOWER, &[w.lower]);
    push(out, T_FORM, &[w.form]);
    for (k, &s) in w.suffix.iter().enumerate() {
        push(out, T_SUFFIX + k as u32, &[s]);
    }
    for (k, &p) in w.prefix.iter().enumerate() {
        push(out, T_PREFIX + k as u32, &[p]);
    }
    push(out, T_SHAPE, &[w.shape]);
    push(out, T_SHORT_SHAPE, &[w.short_shape]);
    push(out, T_FLAGS, &[u64::from(w.flags)]);
    if i == 0 {
        push(out, T_FIRST_SHAPE, &[w.shape]);
    }
    if i + 1 == n {
        push(out, T_LAST_SHAPE, &[w.shape]);
    }
    push(out, T_PREV1, &[lower(p1)]);
    push(out, T_NEXT1, &[lower(n1)]);
    push(out, T_PREV2, &[lower(p2)]);
    push(out, T_NEXT2, &[lower(n2)]);
    push(out, T_TAG1, &[t1]);
    push(out, T_TAG2, &[t2]);
    push(out, T_TAG12, &[t1, t2]);
    push(out, T_TAG1_LOWER, &[t1, w.lower]);
    push(out, T_TAG1_SUFFIX, &[t1, w.suffix[2]]);
    push(out, T_PREV1_LOWER, &[lower(p1), w.lower]);
    push(out, T_LOWER_NEXT1, &[w.lower, lower(n1)]);
    push(out, T_NEXT12, &[lower(n1), lower(n2)]);
    push(out, T_PREV1_SUFFIX, &[p1.map_or(NONE, |a| a.suffix[2])]);
    push(out, T_NEXT1_SUFFIX, &[n1.map_or(NONE, |a| a.suffix[2])]);
    push(out, T_PREV1_SHAPE, &[p1.map_or(NONE, |a| a.shape)]);
    push(out, T_NEXT1_SHAPE, &[n1.map_or(NONE, |a| a.shape)]);
    push(out, T_AMB0, &[a0]);
    push(out, T_AMB1, &[a1]);
    push(out, T_AMB2, &[a2]);
    push(out, T_TAG1_AMB0, &[t1, a0]);
    push(out, T_TAG1_AMB1, &[t1, a1]);
    push(out, T_AMB0_AMB1, &[a0, a1]);
    push(out, T_AMB0_AMB1_AMB2, &[a0, a1, a2]);
    push(out, T_TAG1_AMB0_AMB1, &[t1, a0, a1]);
    let case_flags = u64::from(w.flags & (flag::TITLE | flag::UPPER | flag::LOWER)) | u64::from(i == 0) << 8;
    push(out, T_CASE_FLAGS, &[case, case_flags]);
    push(out, T_FAMB0, &[f0]);
    push(out, T_FAMB0_TAG1, &[f0, t1]);
    push(out, T_FAMB1, &[f1]);
    push(out, T_FAMB0_CASE, &[f0, case_flags, case]);
}

/// The features of the Penn model for word `i`: a compact set around the UPOS tags.
fn penn_features(cx: &Context<'_>, first: &[u16], i: usize, history: &[u16], out: &mut Vec<u32>) {
    out.clear();
    let atoms = cx.atoms;
    let w = &atoms[i];
    let r = |j: Option<usize>| j.and_then(|j| first.get(j)).map_or(NONE, |&c| u64::from(c) + 1);
    let lower = |j: Option<usize>| j.and_then(|j| atoms.get(j)).map_or(NONE, |a| a.lower);
    let (r0, rp, rn) = (r(Some(i)), r(i.checked_sub(1)), r(Some(i + 1)));
    let t1 = if i > 0 { u64::from(history[i - 1]) + 1 } else { START_TAG };
    let amb = cx.amb.get(i).copied().unwrap_or(NONE);
    let famb = cx.famb.get(i).copied().unwrap_or(NONE);
    push(out, T_R0, &[r0]);
    push(out, T_R0_LOWER, &[r0, w.lower]);
    push(out, T_R0_FORM, &[r0, w.form]);
    push(out, T_R0_SUFFIX1, &[r0, w.suffix[0]]);
    push(out, T_R0_SUFFIX2, &[r0, w.suffix[1]]);
    push(out, T_R0_SUFFIX3, &[r0, w.suffix[2]]);
    push(out, T_R0_SHAPE, &[r0, w.shape]);
    push(out, T_R0_AMB, &[r0, amb]);
    push(out, T_R0_FAMB, &[r0, famb]);
    push(out, T_RP_R0, &[rp, r0]);
    push(out, T_R0_RN, &[r0, rn]);
    push(out, T_TAG1_R0, &[t1, r0]);
    push(out, T_R0_PREV, &[r0, lower(i.checked_sub(1))]);
    push(out, T_R0_NEXT, &[r0, lower(Some(i + 1))]);
    push(out, T_R0_PREV2, &[r0, lower(i.checked_sub(2))]);
}

/// Tag a sentence greedily with one weight table; with `allowed`, each word's class is
/// chosen among `allowed[first[i]]`.
fn run_pass(
    weights: &Weights,
    cx: &Context<'_>,
    allowed: Option<&[Vec<u16>]>,
    feats: &mut Vec<u32>,
    scores: &mut Vec<i32>,
    out: &mut Vec<u16>,
) {
    out.clear();
    scores.resize(weights.n_classes(), 0);
    for i in 0..cx.atoms.len() {
        match cx.first {
            Some(first) => penn_features(cx, first, i, out, feats),
            None => features(cx, i, out, feats),
        }
        let range = match (allowed, cx.first) {
            (Some(allowed), Some(first)) => {
                allowed.get(first[i] as usize).and_then(|a| contiguous(a)).filter(|r| r.end <= scores.len())
            }
            _ => None,
        };
        let class = match range {
            Some(range) => {
                // Only the pairs of the word's UPOS are scored.
                scores[range.clone()].iter_mut().for_each(|s| *s = 0);
                weights.score_range(feats, range.clone(), scores);
                range.start + argmax(&scores[range])
            }
            None => weights.best(feats, scores),
        };
        out.push(class as u16);
    }
}

/// The classes of a sorted, gap-free list as a range (`None` if empty or with gaps).
fn contiguous(list: &[u16]) -> Option<std::ops::Range<usize>> {
    let (&first, &last) = (list.first()?, list.last()?);
    (last as usize + 1 - first as usize == list.len()).then_some(first as usize..last as usize + 1)
}

fn best_allowed<T: PartialOrd + Copy>(scores: &[T], allowed: &[u16]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &c in allowed {
        let c = c as usize;
        if c < scores.len() && best.is_none_or(|b| scores[c] > scores[b]) {
            best = Some(c);
        }
    }
    best
}

impl Tagger {
    /// The tag pairs this tagger can give, in class order.
    pub fn classes(&self) -> &[(Upos, Tag)] {
        &self.classes
    }

    /// Tag one sentence: a `(UPOS, PTB)` pair per word.
    pub fn predict(&self, words: &[&str]) -> Vec<(Upos, Tag)> {
        let mut scratch = TagScratch::default();
        let mut classes = Vec::new();
        self.predict_classes(words, &mut scratch, &mut classes);
        classes.into_iter().map(|c| self.classes[c as usize]).collect()
    }

    /// The tag pair of a class index.
    pub fn class(&self, class: u16) -> (Upos, Tag) {
        self.classes.get(class as usize).copied().unwrap_or_default()
    }

    /// Tag one sentence into `out` (class indices), reusing `scratch`.
    pub fn predict_classes(&self, words: &[&str], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        scratch.atoms.clear();
        scratch.atoms.extend(words.iter().map(|w| WordAtoms::new(w)));
        let TagScratch { atoms, ambiguity, form_ambiguity, first, features: feats, scores } = scratch;
        ambiguity.clear();
        form_ambiguity.clear();
        for a in atoms.iter() {
            let (l, f) = self.lexicon.lookup(a, self.wordnet.as_deref());
            ambiguity.push(u64::from(l));
            form_ambiguity.push(u64::from(f));
        }
        let mut cx =
            Context { atoms, amb: ambiguity, famb: form_ambiguity, case: case_bucket(atoms), first: None };
        run_pass(&self.upos, &cx, None, feats, scores, first);
        cx.first = Some(first);
        run_pass(&self.xpos, &cx, Some(&self.by_upos), feats, scores, out);
    }

    /// Train a tagger on treebank sentences. `report` is called after each epoch of each
    /// model with the model (1: UPOS, 2: Penn), the epoch, the tagger so far and its accuracy
    /// on the training data during the epoch.
    pub fn train(
        sentences: &[TreebankSentence],
        options: &TaggerOptions,
        mut report: impl FnMut(usize, usize, &Tagger, f64),
    ) -> Tagger {
        // Pair classes, in order of first appearance.
        // Pair classes sorted by UPOS, so that the pairs of one UPOS are a contiguous range.
        let mut classes: Vec<(Upos, Tag)> =
            sentences.iter().flat_map(|s| s.words.iter().map(|w| (w.upos, w.xpos))).collect();
        classes.sort_unstable();
        classes.dedup();
        let mut gold: Vec<Vec<u16>> = Vec::with_capacity(sentences.len());
        let mut gold_upos: Vec<Vec<u16>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let mut ys = Vec::with_capacity(s.words.len());
            for w in &s.words {
                let c = classes.binary_search(&(w.upos, w.xpos)).unwrap_or(0);
                ys.push(c as u16);
            }
            gold_upos.push(s.words.iter().map(|w| w.upos.index() as u16).collect());
            gold.push(ys);
        }
        let n_classes = classes.len();
        let n_upos = Upos::ALL.len() + 1;
        let mut by_upos = vec![Vec::new(); n_upos];
        for (c, &(u, _)) in classes.iter().enumerate() {
            by_upos[u.index()].push(c as u16);
        }
        let all: Vec<usize> = (0..sentences.len()).collect();
        let lexicon = build_lexicon(sentences, &gold, n_classes, options, &all);
        let folds = options.jackknife.max(1);
        let fold_lexicons: Vec<Lexicon> = if folds > 1 {
            (0..folds)
                .map(|k| {
                    let members: Vec<usize> = all.iter().copied().filter(|i| i % folds != k).collect();
                    build_lexicon(sentences, &gold, n_classes, options, &members)
                })
                .collect()
        } else {
            vec![lexicon.clone()]
        };
        let atoms: Vec<Vec<WordAtoms>> =
            sentences.iter().map(|s| s.words.iter().map(|w| WordAtoms::new(&w.form)).collect()).collect();
        // What each training sentence sees of the lexicon: the other folds' view.
        let views: Vec<SentenceView> = atoms
            .iter()
            .enumerate()
            .map(|(si, a)| SentenceView::new(a, &fold_lexicons[si % folds], options.wordnet.as_deref()))
            .collect();
        let empty = Perceptron::new(1).average(0.0);
        let mut tagger = Tagger {
            classes,
            by_upos,
            lexicon,
            upos: empty.clone(),
            xpos: empty,
            wordnet: options.wordnet.clone(),
            needs_wordnet: options.wordnet.is_some(),
        };
        let data = TrainData { atoms: &atoms, views: &views, gold: &gold_upos, n_classes: n_upos };
        tagger.upos = train_pass(&data, &all, None, None, options, |epoch, w, acc| {
            let shown = Tagger { upos: w.clone(), ..tagger.clone() };
            report(1, epoch, &shown, acc);
        });
        // UPOS tags of each training sentence from a model that did not see it.
        let mut first_tags: Vec<Vec<u16>> = vec![Vec::new(); sentences.len()];
        let folds2 = options.penn_folds.max(2);
        for k in 0..folds2 {
            let members: Vec<usize> = all.iter().copied().filter(|i| i % folds2 != k).collect();
            let w = train_pass(&data, &members, None, None, options, |_, _, _| {});
            let mut feats = Vec::new();
            let mut scores = Vec::new();
            for si in all.iter().copied().filter(|i| i % folds2 == k) {
                let v = &views[si];
                let cx = Context { atoms: &atoms[si], amb: &v.amb, famb: &v.famb, case: v.case, first: None };
                run_pass(&w, &cx, None, &mut feats, &mut scores, &mut first_tags[si]);
            }
        }
        let data = TrainData { atoms: &atoms, views: &views, gold: &gold, n_classes };
        let by_upos = tagger.by_upos.clone();
        tagger.xpos = train_pass(&data, &all, Some(&first_tags), Some(&by_upos), options, |epoch, w, acc| {
            let shown = Tagger { xpos: w.clone(), ..tagger.clone() };
            report(2, epoch, &shown, acc);
        });
        tagger
    }

    /// Number of features and weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.upos.n_features() + self.xpos.n_features(), self.upos.n_weights() + self.xpos.n_weights())
    }

    /// The same tagger without weights smaller than `min` (integer units).
    pub fn pruned(&self, min: i16) -> Tagger {
        Tagger { upos: self.upos.pruned(min), xpos: self.xpos.pruned(min), ..self.clone() }
    }

    /// Serialise the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let version = if self.needs_wordnet { VERSION_WORDNET } else { VERSION };
        let mut w = Writer::new(KIND, version, crate::DATA_NOTICE);
        if self.needs_wordnet {
            w.u8(1);
        }
        w.u32(self.classes.len() as u32);
        for &(u, t) in &self.classes {
            w.u8(u.index() as u8);
            w.u8(t.index() as u8);
        }
        for map in [&self.lexicon.lower, &self.lexicon.form] {
            let mut entries: Vec<(&u32, &u32)> = map.iter().collect();
            entries.sort_unstable_by_key(|(k, _)| **k);
            w.u32(entries.len() as u32);
            for (k, a) in entries {
                w.u32(*k);
                w.u32(*a);
            }
        }
        self.upos.write(&mut w);
        self.xpos.write(&mut w);
        w.into_bytes()
    }

    /// Read a model written by [`Tagger::to_bytes`]. A model trained with a WordNet lexicon
    /// gets the shipped one back ([`Tagger::with_wordnet`] gives it another).
    pub fn from_bytes(data: &[u8]) -> Result<Tagger, ModelError> {
        let (mut r, needs_wordnet) = match Reader::open(data, KIND, VERSION_WORDNET) {
            Ok(mut r) => {
                let flag = r.u8()?;
                (r, flag == 1)
            }
            Err(ModelError::Version { found: VERSION, .. }) => (Reader::open(data, KIND, VERSION)?, false),
            Err(e) => return Err(e),
        };
        let n = r.count(2)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::from_index(r.u8()? as usize);
            let t = Tag::from_index(r.u8()? as usize);
            classes.push((u, t));
        }
        let mut lexicon = Lexicon::default();
        for map in [&mut lexicon.lower, &mut lexicon.form] {
            let n = r.count(8)?;
            map.reserve(n);
            for _ in 0..n {
                let k = r.u32()?;
                let a = r.u32()?;
                map.insert(k, a);
            }
        }
        let upos = Weights::read(&mut r)?;
        let xpos = Weights::read(&mut r)?;
        if upos.n_classes() != Upos::ALL.len() + 1 || xpos.n_classes() != classes.len() {
            return Err(ModelError::Corrupt("tagger class count"));
        }
        r.finish()?;
        let mut by_upos = vec![Vec::new(); Upos::ALL.len() + 1];
        for (c, &(u, _)) in classes.iter().enumerate() {
            by_upos[u.index()].push(c as u16);
        }
        let wordnet = if needs_wordnet { wordnet::Lexicon::load_default() } else { None };
        Ok(Tagger { classes, by_upos, lexicon, upos, xpos, wordnet, needs_wordnet })
    }

    /// Whether the model was trained with a WordNet lexicon and needs one to tag as trained.
    pub fn needs_wordnet(&self) -> bool {
        self.needs_wordnet
    }

    /// The same tagger looking words up in `lexicon` (used only by a model that needs it).
    pub fn with_wordnet(mut self, lexicon: Arc<wordnet::Lexicon>) -> Tagger {
        if self.needs_wordnet {
            self.wordnet = Some(lexicon);
        }
        self
    }
}

/// Lexicon lookups of one training sentence, as seen from outside its fold.
struct SentenceView {
    amb: Vec<u64>,
    famb: Vec<u64>,
    case: u64,
}

impl SentenceView {
    fn new(atoms: &[WordAtoms], fold: &Lexicon, wordnet: Option<&wordnet::Lexicon>) -> SentenceView {
        let mut v = SentenceView { amb: Vec::new(), famb: Vec::new(), case: case_bucket(atoms) };
        for a in atoms {
            let (l, f) = fold.lookup(a, wordnet);
            v.amb.push(u64::from(l));
            v.famb.push(u64::from(f));
        }
        v
    }
}

struct TrainData<'a> {
    atoms: &'a [Vec<WordAtoms>],
    views: &'a [SentenceView],
    gold: &'a [Vec<u16>],
    n_classes: usize,
}

/// Train one pass on the sentences `members`.
fn train_pass(
    data: &TrainData<'_>,
    members: &[usize],
    first: Option<&[Vec<u16>]>,
    allowed: Option<&[Vec<u16>]>,
    options: &TaggerOptions,
    mut report: impl FnMut(usize, &Weights, f64),
) -> Weights {
    let mut model = Perceptron::new(data.n_classes);
    let mut order = members.to_vec();
    let mut rng = options.seed.max(1);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; data.n_classes];
    let mut weights = model.average(0.0);
    for epoch in 0..options.epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let v = &data.views[si];
            let cx = Context {
                atoms: &data.atoms[si],
                amb: &v.amb,
                famb: &v.famb,
                case: v.case,
                first: first.map(|f| f[si].as_slice()),
            };
            let mut history: Vec<u16> = Vec::with_capacity(cx.atoms.len());
            for i in 0..cx.atoms.len() {
                let truth = data.gold[si][i] as usize;
                match cx.first {
                    Some(first) => penn_features(&cx, first, i, &history, &mut feats),
                    None => features(&cx, i, &history, &mut feats),
                }
                scores.iter_mut().for_each(|s| *s = 0.0);
                model.score(&feats, &mut scores);
                let guess = argmax(&scores);
                model.tick();
                model.learn(&feats, truth, guess);
                let guess = match (allowed, cx.first) {
                    (Some(allowed), Some(first)) => {
                        best_allowed(&scores, &allowed[first[i] as usize]).unwrap_or(guess)
                    }
                    _ => guess,
                };
                right += usize::from(guess == truth);
                total += 1;
                history.push(guess as u16);
            }
        }
        weights = model.average(options.min_weight);
        report(epoch + 1, &weights, right as f64 / total.max(1) as f64);
    }
    weights
}

fn build_lexicon(
    sentences: &[TreebankSentence],
    gold: &[Vec<u16>],
    n_classes: usize,
    options: &TaggerOptions,
    members: &[usize],
) -> Lexicon {
    let mut counts: KeyMap<Vec<u32>> = KeyMap::default();
    let mut form_counts: KeyMap<Vec<u32>> = KeyMap::default();
    for &i in members {
        for (w, &y) in sentences[i].words.iter().zip(&gold[i]) {
            let row = counts.entry(linear::key(hash::lower(&w.form))).or_insert_with(|| vec![0; n_classes]);
            row[y as usize] += 1;
            let row =
                form_counts.entry(linear::key(hash::text(&w.form))).or_insert_with(|| vec![0; n_classes]);
            row[y as usize] += 1;
        }
    }
    let ambiguity = |row: &[u32]| -> Option<u32> {
        let total: u32 = row.iter().sum();
        if total < options.lexicon_min_count {
            return None;
        }
        let mut h = 0x616d_6267u64;
        for (c, &n) in row.iter().enumerate() {
            if n as f32 >= options.ambiguity_min_share * total as f32 {
                h = hash::mix(h, c as u64 + 1);
            }
        }
        Some(linear::key(h))
    };
    let mut lexicon = Lexicon::default();
    for (k, row) in counts {
        if let Some(amb) = ambiguity(&row) {
            lexicon.lower.insert(k, amb);
        }
    }
    for (k, row) in form_counts {
        if let Some(amb) = ambiguity(&row) {
            lexicon.form.insert(k, amb);
        }
    }
    lexicon
}

/// Fisher–Yates shuffle with a xorshift generator (deterministic for a seed).
pub(crate) fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    fn sentence(words: &[(&str, Upos, Tag)]) -> TreebankSentence {
        TreebankSentence {
            words: words
                .iter()
                .map(|&(f, u, t)| Word { form: f.into(), upos: u, xpos: t, ..Word::default() })
                .collect(),
            ..TreebankSentence::default()
        }
    }

    fn toy() -> Vec<TreebankSentence> {
        use Tag as T;
        use Upos as U;
        let mut out = Vec::new();
        for name in ["Anna", "Boris", "Chen", "Dalia"] {
            for verb in [("sees", T::Vbz), ("saw", T::Vbd)] {
                out.push(sentence(&[
                    (name, U::Propn, T::Nnp),
                    (verb.0, U::Verb, verb.1),
                    ("the", U::Det, T::Dt),
                    ("dog", U::Noun, T::Nn),
                    (".", U::Punct, T::Period),
                ]));
            }
        }
        out
    }

    #[test]
    fn learns_toy_data_and_round_trips() {
        let data = toy();
        let options = TaggerOptions { epochs: 5, lexicon_min_count: 1, jackknife: 2, ..Default::default() };
        let tagger = Tagger::train(&data, &options, |_, _, _, _| {});
        let got = tagger.predict(&["Boris", "saw", "the", "dog", "."]);
        assert_eq!(got[0], (Upos::Propn, Tag::Nnp));
        assert_eq!(got[1], (Upos::Verb, Tag::Vbd));
        assert_eq!(got[3], (Upos::Noun, Tag::Nn));
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(
            back.predict(&["Chen", "sees", "the", "dog", "."]),
            tagger.predict(&["Chen", "sees", "the", "dog", "."])
        );
        assert!(back.predict(&[]).is_empty());
        assert!(Tagger::from_bytes(&tagger.to_bytes()[..40]).is_err());
    }

    fn toy_wordnet() -> Arc<wordnet::Lexicon> {
        let data = [
            ("data.verb", "00000500 38 v 01 walk 0 000 01 + 02 00 | go on foot\n".to_string()),
            ("data.noun", "00000200 15 n 01 Nairobi 0 001 @i 00000400 n 0000 | a city\n".to_string()),
        ];
        Arc::new(wordnet::Lexicon::from_texts(&data, "nairobi n 1 1 @i 1 0 00000200\n").unwrap())
    }

    #[test]
    fn unseen_words_fall_back_on_wordnet() {
        let wn = toy_wordnet();
        let lexicon = Lexicon::default();
        let atoms = |w: &str| WordAtoms::new(w);
        assert_eq!(lexicon.lookup(&atoms("walked"), None), (0, 0));
        let (l, f) = lexicon.lookup(&atoms("walked"), Some(&wn));
        assert!(l != 0 && f == 0);
        assert_ne!(lexicon.lookup(&atoms("walks"), Some(&wn)).0, l, "-s and -ed forms differ");
        let (l, f) = lexicon.lookup(&atoms("Nairobi"), Some(&wn));
        assert!(l == 0 && f != 0, "a capitalised lemma fills the exact-form class");
        assert_eq!(lexicon.lookup(&atoms("Zanzibar"), Some(&wn)), (0, 0));
        // A word the training lexicon knows keeps its own classes.
        let mut known = Lexicon::default();
        known.lower.insert(linear::key(hash::lower("walked")), 77);
        assert_eq!(known.lookup(&atoms("walked"), Some(&wn)).0, 77);
    }

    #[test]
    fn a_wordnet_model_records_its_need() {
        let data = toy();
        let options = TaggerOptions {
            epochs: 3,
            lexicon_min_count: 1,
            jackknife: 2,
            wordnet: Some(toy_wordnet()),
            ..Default::default()
        };
        let tagger = Tagger::train(&data, &options, |_, _, _, _| {});
        assert!(tagger.needs_wordnet());
        let words = ["Anna", "walked", "the", "dog", "."];
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert!(back.needs_wordnet());
        assert_eq!(back.with_wordnet(toy_wordnet()).predict(&words), tagger.predict(&words));
        let plain = Tagger::train(&data, &TaggerOptions { wordnet: None, ..options }, |_, _, _, _| {});
        assert!(!plain.needs_wordnet());
        assert!(!Tagger::from_bytes(&plain.to_bytes()).unwrap().needs_wordnet());
    }
}
