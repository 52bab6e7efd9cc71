//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by an
//! averaged perceptron trained with a dynamic oracle (Goldberg & Nivre 2013), so that it
//! learns to recover from its own mistakes, and a second perceptron that labels each arc as
//! it is made.
//!
//! The artificial root sits at the end of the buffer and takes exactly one dependent, so every
//! sentence gets a single root. Parsing is linear in the sentence length: every feature is
//! read from the top of the stack, the front of the buffer and the children recorded so far.
//! Trees are projective; non-projective training trees are lifted first. It does not tag:
//! it reads the tagger's output.

use crate::binary::{ModelError, Reader, Writer};
use crate::clusters::{prefix, Clusters};
use crate::conllu::TreebankSentence;
use crate::hash;
use crate::linear::{self, argmax, Perceptron, Weights};
use crate::tagger::shuffle;
use newsgraph_model::{DepRel, Tag, Upos};

const KIND: &str = "parser";
const VERSION: u32 = 1;
const NO: u32 = u32::MAX;

/// Options of [`Parser::train`].
#[derive(Clone, Debug)]
pub struct ParserOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of shuffling and exploration.
    pub seed: u64,
    /// From this epoch on (0-based), the parser follows its own predictions during training
    /// (with the oracle telling it the best way on from there).
    pub explore_from: usize,
    /// Share of states in which it follows its own prediction when exploring.
    pub explore_rate: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// After training, quantised weights smaller than this (in the model's integer units)
    /// are dropped: a smaller, faster model for a little accuracy.
    pub prune: i16,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 10,
            seed: 11,
            explore_from: 1,
            explore_rate: 0.9,
            min_weight: 0.0,
            prune: 600,
        }
    }
}

/// One word's analysis: its head (an index into the sentence, `None` for the root) and the
/// relation to it.
pub type Arc = (Option<u32>, DepRel);

/// The trained dependency parser.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<DepRel>,
    /// Transition model: shift, left arc, right arc.
    weights: Weights,
    /// Label model: one class per label.
    labeller: Weights,
}

/// Parser state over a sentence of `n` words; word `n` is the artificial root.
#[derive(Clone, Debug)]
struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    heads: Vec<u32>,
    labels: Vec<u16>,
    /// Two leftmost and two rightmost children of each word (and of the root).
    left: Vec<[u32; 2]>,
    right: Vec<[u32; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
}

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const N_MOVES: usize = 3;

#[inline]
fn is_left(class: usize) -> bool {
    class == LEFT
}

impl State {
    fn new(n: usize) -> State {
        let n = n as u32;
        let m = n as usize + 1;
        State {
            n,
            stack: Vec::with_capacity(m.min(1024)),
            b: 0,
            heads: vec![NO; m],
            labels: vec![0; m],
            left: vec![[NO; 2]; m],
            right: vec![[NO; 2]; m],
            n_left: vec![0; m],
            n_right: vec![0; m],
        }
    }

    fn done(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NO
        }
    }

    fn can_shift(&self) -> bool {
        self.b < self.n
    }

    fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1)
    }

    fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// The move to make when it is the only legal one.
    fn only_move(&self) -> Option<usize> {
        match (self.can_shift(), self.can_left(), self.can_right()) {
            (true, false, false) => Some(SHIFT),
            (false, true, false) => Some(LEFT),
            (false, false, true) => Some(RIGHT),
            _ => None,
        }
    }

    fn legal(&self, class: usize) -> bool {
        if class == SHIFT {
            self.can_shift()
        } else if is_left(class) {
            self.can_left()
        } else {
            self.can_right()
        }
    }

    fn add_arc(&mut self, head: u32, dep: u32, label: u16) {
        self.heads[dep as usize] = head;
        self.labels[dep as usize] = label;
        let h = head as usize;
        if dep < head {
            self.n_left[h] = self.n_left[h].saturating_add(1);
            let l = &mut self.left[h];
            if l[0] == NO || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NO || dep < l[1] {
                l[1] = dep;
            }
        } else {
            self.n_right[h] = self.n_right[h].saturating_add(1);
            let r = &mut self.right[h];
            if r[0] == NO || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NO || dep > r[1] {
                r[1] = dep;
            }
        }
    }

    /// The arc `(head, dependent)` a move would make.
    fn arc_of(&self, class: usize) -> Option<(u32, u32)> {
        match class {
            LEFT if !self.stack.is_empty() => Some((self.b, self.s(0))),
            RIGHT if self.stack.len() >= 2 => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    fn apply(&mut self, class: usize, label: u16) {
        if class == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
        } else if let Some((head, dep)) = self.arc_of(class) {
            self.stack.pop();
            self.add_arc(head, dep, label);
        }
    }

    /// Cost of a transition under the gold tree (`gold_heads[i]`, `n` for the root):
    /// the number of gold arcs it makes unreachable.
    fn cost(&self, class: usize, gold_heads: &[u32]) -> u32 {
        let b = self.b;
        let deps_in_buffer =
            |w: u32| -> u32 { (b..self.n).filter(|&d| gold_heads[d as usize] == w).count() as u32 };
        if class == SHIFT {
            // b can no longer take a head from the stack below the top, nor give a head to
            // anything on the stack.
            let mut c = 0;
            let gh = gold_heads[b as usize];
            let len = self.stack.len();
            for (k, &w) in self.stack.iter().enumerate() {
                if gold_heads[w as usize] == b {
                    c += 1;
                }
                if k + 1 < len && gh == w {
                    c += 1;
                }
            }
            // The root word shifted onto a stack: it must wait for everything below it.
            if gh == self.n && len > 0 {
                c += 1;
            }
            c
        } else {
            let s0 = self.s(0);
            let gh = gold_heads[s0 as usize];
            let mut c = deps_in_buffer(s0);
            if is_left(class) {
                if gh != b && (gh > b || gh == self.s(1)) {
                    c += 1;
                }
            } else if gh != self.s(1) && gh >= b {
                c += 1;
            }
            c
        }
    }
}

/// What the parser sees of each word.
#[derive(Clone, Copy, Debug, Default)]
struct Token {
    word: u64,
    tag: u64,
    upos: u64,
    /// Brown cluster path ([`crate::clusters`]).
    cf: u64,
}

const NONE: u64 = 0x6e6f_6e65;
const ROOT_WORD: u64 = 0x726f_6f74;

/// What the features see at position `i`: word `i`, the artificial root (`n`), or nothing.
#[inline]
fn token_at(tokens: &[Token], n: u32, i: u32) -> Token {
    if i == n {
        Token { word: ROOT_WORD, tag: ROOT_WORD, upos: ROOT_WORD, cf: ROOT_WORD }
    } else {
        tokens.get(i as usize).copied().unwrap_or(Token { word: NONE, tag: NONE, upos: NONE, cf: NONE })
    }
}

/// The label index given so far to word `i` (nothing for the root or no word).
#[inline]
fn label_at(st: &State, i: u32) -> u64 {
    if i == NO || i == st.n {
        NONE
    } else {
        u64::from(st.labels[i as usize])
    }
}

fn push(out: &mut Vec<u32>, template: u32, atoms: &[u64]) {
    out.push(linear::key(hash::feature(template, atoms)));
}

fn features(st: &State, tokens: &[Token], out: &mut Vec<u32>) {
    out.clear();
    let n = st.n;
    let tok = |i: u32| token_at(tokens, n, i);
    let label = |i: u32| label_at(st, i);
    let child = |i: u32, side: &Vec<[u32; 2]>, k: usize| -> u32 {
        if i == NO {
            NO
        } else {
            side[i as usize][k]
        }
    };
    let s0i = st.s(0);
    let s1i = st.s(1);
    let s2i = st.s(2);
    let b0i = if st.b <= n { st.b } else { NO };
    let b1i = if st.b < n { st.b + 1 } else { NO };
    let b2i = if st.b + 1 < n { st.b + 2 } else { NO };
    let (s0, s1, s2, b0, b1, b2) = (tok(s0i), tok(s1i), tok(s2i), tok(b0i), tok(b1i), tok(b2i));
    let s0l = child(s0i, &st.left, 0);
    let s0l2 = child(s0i, &st.left, 1);
    let s0r = child(s0i, &st.right, 0);
    let s0r2 = child(s0i, &st.right, 1);
    let s1l = child(s1i, &st.left, 0);
    let s1r = child(s1i, &st.right, 0);
    let b0l = child(b0i, &st.left, 0);
    let b0l2 = child(b0i, &st.left, 1);
    let (ts0l, ts0r, ts1l, ts1r, tb0l) =
        (tok(s0l).tag, tok(s0r).tag, tok(s1l).tag, tok(s1r).tag, tok(b0l).tag);
    let dist =
        if s0i == NO || b0i == NO { NONE } else { u64::from((b0i - s0i).min(if b0i == n { 99 } else { 6 })) };
    let val = |i: u32, side: &Vec<u8>| -> u64 {
        if i == NO {
            NONE
        } else {
            u64::from(side[i as usize].min(4))
        }
    };
    let s0vl = val(s0i, &st.n_left);
    let s0vr = val(s0i, &st.n_right);
    let b0vl = val(b0i, &st.n_left);
    let s1vr = val(s1i, &st.n_right);

    let mut t = 0u32;
    let mut f = |atoms: &[u64]| {
        t += 1;
        push(out, t, atoms);
    };
    // Single words.
    f(&[s0.word, s0.tag]);
    f(&[s0.word]);
    f(&[s0.tag]);
    f(&[s1.word, s1.tag]);
    f(&[s1.word]);
    f(&[s1.tag]);
    f(&[b0.word, b0.tag]);
    f(&[b0.word]);
    f(&[b0.tag]);
    f(&[b1.word, b1.tag]);
    f(&[b1.word]);
    f(&[b1.tag]);
    f(&[b2.tag]);
    f(&[s2.tag]);
    // Pairs.
    f(&[s0.word, s0.tag, b0.word, b0.tag]);
    f(&[s0.word, s0.tag, b0.word]);
    f(&[s0.word, b0.word, b0.tag]);
    f(&[s0.word, s0.tag, b0.tag]);
    f(&[s0.tag, b0.word, b0.tag]);
    f(&[s0.word, b0.word]);
    f(&[s0.tag, b0.tag]);
    f(&[b0.tag, b1.tag]);
    f(&[s1.word, s0.word]);
    f(&[s1.tag, s0.tag]);
    f(&[s1.word, s1.tag, s0.tag]);
    f(&[s1.tag, s0.word, s0.tag]);
    f(&[s1.word, b0.word]);
    f(&[s1.tag, b0.tag]);
    // Tag trigrams.
    f(&[b0.tag, b1.tag, b2.tag]);
    f(&[s0.tag, b0.tag, b1.tag]);
    f(&[s1.tag, s0.tag, b0.tag]);
    f(&[s2.tag, s1.tag, s0.tag]);
    f(&[s0.tag, ts0l, b0.tag]);
    f(&[s0.tag, ts0r, b0.tag]);
    f(&[s0.tag, b0.tag, tb0l]);
    f(&[s1.tag, ts1l, s0.tag]);
    f(&[s1.tag, ts1r, s0.tag]);
    f(&[s1.tag, s0.tag, ts0r]);
    // Distance.
    f(&[s0.word, dist]);
    f(&[s0.tag, dist]);
    f(&[b0.word, dist]);
    f(&[b0.tag, dist]);
    f(&[s0.tag, b0.tag, dist]);
    f(&[s0.word, b0.word, dist]);
    // Valency.
    f(&[s0.word, s0vr]);
    f(&[s0.tag, s0vr]);
    f(&[s0.word, s0vl]);
    f(&[s0.tag, s0vl]);
    f(&[b0.word, b0vl]);
    f(&[b0.tag, b0vl]);
    f(&[s1.tag, s1vr]);
    // Children.
    f(&[tok(s0l).word]);
    f(&[ts0l]);
    f(&[label(s0l)]);
    f(&[tok(s0r).word]);
    f(&[ts0r]);
    f(&[label(s0r)]);
    f(&[tok(b0l).word]);
    f(&[tb0l]);
    f(&[label(b0l)]);
    f(&[s0.tag, label(s0l), label(s0l2)]);
    f(&[s0.tag, label(s0r), label(s0r2)]);
    f(&[b0.tag, label(b0l), label(b0l2)]);
    f(&[s0.tag, ts0l, tok(s0l2).tag]);
    f(&[s0.tag, ts0r, tok(s0r2).tag]);
    f(&[b0.tag, tb0l, tok(b0l2).tag]);
    f(&[s1.tag, label(s1l), label(s1r)]);
    f(&[s0.word, label(s0l), label(s0r)]);
    // UPOS context.
    f(&[s0.upos, b0.upos, b1.upos]);
    f(&[s1.upos, s0.upos, b0.upos]);
    // Brown clusters in place of words and of tags.
    f(&[s0.cf]);
    f(&[b0.cf]);
    f(&[s0.cf, b0.cf]);
    f(&[s0.cf, b0.tag]);
    f(&[s0.tag, b0.cf]);
}

/// Features for the label of the arc `head -> dep`, made in state `st`.
fn label_features(st: &State, tokens: &[Token], head: u32, dep: u32, out: &mut Vec<u32>) {
    out.clear();
    let n = st.n;
    let tok = |i: u32| token_at(tokens, n, i);
    let label = |i: u32| label_at(st, i);
    let h = tok(head);
    let d = tok(dep);
    let dir = u64::from(dep < head);
    let dist = u64::from(head.abs_diff(dep).min(if head == n { 99 } else { 8 }));
    let dl = st.left[dep as usize][0];
    let dr = st.right[dep as usize][0];
    let prev = if dep > 0 { tok(dep - 1) } else { tok(NO) };
    let next = if dep + 1 < n { tok(dep + 1) } else { tok(NO) };
    let hl = st.left[head as usize][0];
    let hr = st.right[head as usize][0];
    let mut t = 100u32;
    let mut f = |atoms: &[u64]| {
        t += 1;
        push(out, t, atoms);
    };
    f(&[dir]);
    f(&[d.word]);
    f(&[d.tag]);
    f(&[d.word, d.tag]);
    f(&[h.word]);
    f(&[h.tag]);
    f(&[h.word, h.tag]);
    f(&[d.tag, h.tag, dir]);
    f(&[d.word, h.tag, dir]);
    f(&[d.tag, h.word, dir]);
    f(&[d.word, h.word]);
    f(&[d.tag, h.tag, dist]);
    f(&[d.tag, label(dl), label(dr)]);
    f(&[d.tag, tok(dl).word]);
    f(&[d.tag, tok(dl).tag, tok(dr).tag]);
    f(&[h.tag, label(hl), dir]);
    f(&[h.tag, label(hr), dir]);
    f(&[d.tag, prev.tag, next.tag]);
    f(&[d.word, prev.word]);
    f(&[d.tag, h.tag, u64::from(st.n_left[dep as usize].min(3)), u64::from(st.n_right[dep as usize].min(3))]);
    f(&[h.tag, d.tag, tok(hl).tag]);
    f(&[d.upos, h.upos, dir, tok(dl).upos]);
}

fn tokens_of(words: &[&str], tags: &[(Upos, Tag)]) -> Vec<Token> {
    let clusters = Clusters::shipped();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (u, t) = tags.get(i).copied().unwrap_or_default();
            let lower = hash::lower(w);
            Token {
                word: lower,
                tag: (t.index() as u64) << 8 | u.index() as u64,
                upos: u.index() as u64,
                cf: prefix(clusters.path_of(hash::text(w), lower), 32),
            }
        })
        .collect()
}

impl Parser {
    /// Parse one sentence given its words and their tags.
    pub fn predict(&self, words: &[&str], tags: &[(Upos, Tag)]) -> Vec<Arc> {
        let tokens = tokens_of(words, tags);
        let mut st = State::new(tokens.len());
        let mut feats = Vec::with_capacity(96);
        let mut label_scores = vec![0i32; self.labels.len()];
        while !st.done() {
            let class = match st.only_move() {
                Some(class) => class,
                None => {
                    features(&st, &tokens, &mut feats);
                    let mut scores = [0i32; N_MOVES];
                    self.weights.score(&feats, &mut scores);
                    best_legal(&st, &scores)
                }
            };
            let label = match st.arc_of(class) {
                Some((head, dep)) => {
                    label_features(&st, &tokens, head, dep, &mut feats);
                    self.labeller.best(&feats, &mut label_scores) as u16
                }
                None => 0,
            };
            st.apply(class, label);
        }
        let n = tokens.len() as u32;
        let mut arcs: Vec<Arc> = (0..tokens.len())
            .map(|i| {
                let h = st.heads[i];
                let rel = self.labels.get(st.labels[i] as usize).copied().unwrap_or_default();
                if h == n || h == NO {
                    (None, DepRel::Root)
                } else {
                    (Some(h), rel)
                }
            })
            .collect();
        crate::repair::reporting_clause(words, tags, &mut arcs);
        crate::repair::adjective_before_name(words, tags, &mut arcs);
        arcs
    }

    /// Train a parser on treebank sentences, with the tags given for each sentence (gold or
    /// predicted). `report` is called after each epoch with the parser so far.
    pub fn train(
        sentences: &[TreebankSentence],
        tags: &[Vec<(Upos, Tag)>],
        options: &ParserOptions,
        mut report: impl FnMut(usize, &Parser),
    ) -> Parser {
        let mut labels: Vec<DepRel> = Vec::new();
        for s in sentences {
            for w in &s.words {
                if w.head != 0 && !labels.contains(&w.rel) {
                    labels.push(w.rel);
                }
            }
        }
        let empty = Perceptron::new(1).average(0.0);
        let mut parser = Parser { labels, weights: empty.clone(), labeller: empty };
        let n_labels = parser.labels.len();
        struct Gold {
            tokens: Vec<Token>,
            heads: Vec<u32>,
            labels: Vec<u16>,
        }
        let golds: Vec<Gold> = sentences
            .iter()
            .zip(tags)
            .filter(|(s, _)| !s.words.is_empty())
            .map(|(s, t)| {
                let n = s.words.len() as u32;
                let forms = s.forms();
                let mut heads: Vec<u32> =
                    s.words.iter().map(|w| if w.head == 0 { n } else { w.head - 1 }).collect();
                projectivize(&mut heads);
                let labels = s
                    .words
                    .iter()
                    .map(|w| parser.labels.iter().position(|&l| l == w.rel).unwrap_or(0) as u16)
                    .collect();
                Gold { tokens: tokens_of(&forms, t), heads, labels }
            })
            .collect();
        let mut model = Perceptron::new(N_MOVES);
        let mut labeller = Perceptron::new(n_labels.max(1));
        let mut order: Vec<usize> = (0..golds.len()).collect();
        let mut rng = options.seed.max(1);
        let mut feats = Vec::new();
        let mut label_scores = vec![0f32; n_labels.max(1)];
        let mut costs = [0u32; N_MOVES];
        for epoch in 0..options.epochs {
            shuffle(&mut order, &mut rng);
            for &gi in &order {
                let g = &golds[gi];
                let mut st = State::new(g.tokens.len());
                while !st.done() {
                    let (guess, best_zero) = match st.only_move() {
                        Some(m) => (m, m),
                        None => {
                            features(&st, &g.tokens, &mut feats);
                            let mut scores = [0f32; N_MOVES];
                            model.score(&feats, &mut scores);
                            let guess = best_legal(&st, &scores);
                            let mut min_cost = u32::MAX;
                            for (c, cost) in costs.iter_mut().enumerate() {
                                *cost = if st.legal(c) { st.cost(c, &g.heads) } else { u32::MAX };
                                min_cost = min_cost.min(*cost);
                            }
                            let mut best_zero = usize::MAX;
                            for c in 0..N_MOVES {
                                if costs[c] == min_cost
                                    && (best_zero == usize::MAX || scores[c] > scores[best_zero])
                                {
                                    best_zero = c;
                                }
                            }
                            model.tick();
                            if costs[guess] > min_cost {
                                model.update(&feats, best_zero, 1.0);
                                model.update(&feats, guess, -1.0);
                            }
                            (guess, best_zero)
                        }
                    };
                    let explore = epoch >= options.explore_from && next_f64(&mut rng) < options.explore_rate;
                    let class = if explore { guess } else { best_zero };
                    let label = match st.arc_of(class) {
                        Some((head, dep)) => {
                            label_features(&st, &g.tokens, head, dep, &mut feats);
                            label_scores.iter_mut().for_each(|s| *s = 0.0);
                            labeller.score(&feats, &mut label_scores);
                            let guess = argmax(&label_scores);
                            if g.heads[dep as usize] == head {
                                let truth = g.labels[dep as usize] as usize;
                                labeller.tick();
                                labeller.learn(&feats, truth, guess);
                                if !explore {
                                    truth as u16
                                } else {
                                    guess as u16
                                }
                            } else {
                                guess as u16
                            }
                        }
                        None => 0,
                    };
                    st.apply(class, label);
                }
            }
            parser.weights = model.average(options.min_weight).pruned(options.prune);
            parser.labeller = labeller.average(options.min_weight).pruned(options.prune);
            report(epoch + 1, &parser);
        }
        parser
    }

    /// Number of features and weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (
            self.weights.n_features() + self.labeller.n_features(),
            self.weights.n_weights() + self.labeller.n_weights(),
        )
    }

    /// The same parser without weights smaller than `min` (integer units).
    pub fn pruned(&self, min: i16) -> Parser {
        Parser {
            labels: self.labels.clone(),
            weights: self.weights.pruned(min),
            labeller: self.labeller.pruned(min),
        }
    }

    /// Serialise the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION, crate::DATA_NOTICE);
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l.as_str());
        }
        self.weights.write(&mut w);
        self.labeller.write(&mut w);
        w.into_bytes()
    }

    /// Read a model written by [`Parser::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Parser, ModelError> {
        let mut r = Reader::open(data, KIND, VERSION)?;
        let n = r.count(4)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(DepRel::parse(&r.str()?));
        }
        let weights = Weights::read(&mut r)?;
        let labeller = Weights::read(&mut r)?;
        if weights.n_classes() != N_MOVES || labeller.n_classes() != labels.len().max(1) {
            return Err(ModelError::Corrupt("parser class count"));
        }
        r.finish()?;
        Ok(Parser { labels, weights, labeller })
    }
}

fn best_legal<T: PartialOrd + Copy>(st: &State, scores: &[T; N_MOVES]) -> usize {
    let mut best = usize::MAX;
    let (shift, left, right) = (st.can_shift(), st.can_left(), st.can_right());
    for (c, &s) in scores.iter().enumerate() {
        let ok = if c == SHIFT {
            shift
        } else if is_left(c) {
            left
        } else {
            right
        };
        if ok && (best == usize::MAX || s > scores[best]) {
            best = c;
        }
    }
    best.min(N_MOVES - 1)
}

fn next_f64(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

/// Lift non-projective arcs (reattach a dependent to its head's head) until the tree is
/// projective. `heads[i]` is a word index or `heads.len()` for the root.
pub(crate) fn projectivize(heads: &mut [u32]) {
    let n = heads.len() as u32;
    let dominated = |heads: &[u32], h: u32, mut k: u32| -> bool {
        let mut steps = 0;
        while k != n && steps <= n {
            if k == h {
                return true;
            }
            k = heads[k as usize];
            steps += 1;
        }
        h == n
    };
    for _ in 0..heads.len() * 2 {
        let mut worst: Option<(u32, usize)> = None;
        for d in 0..heads.len() {
            let h = heads[d];
            if h == n {
                continue;
            }
            let (lo, hi) = if (d as u32) < h { (d as u32, h) } else { (h, d as u32) };
            let crossing = (lo + 1..hi).any(|k| !dominated(heads, h, k));
            if crossing && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => heads[d] = heads[heads[d] as usize],
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 0 <- 2, 1 <- 3, 2 root, 3 <- 2 : arc 3->1 crosses 2->0? No: build a real crossing.
        // Words: A B C D; heads: A->C, B->D, C root, D->A  (B under D crosses A..C span)
        let mut heads = vec![2, 3, 4, 0];
        projectivize(&mut heads);
        // D->A spans B and C; C is not dominated by A, so the shortest crossing arc is lifted.
        let n = heads.len() as u32;
        for d in 0..heads.len() {
            let h = heads[d];
            if h == n {
                continue;
            }
            let (lo, hi) = if (d as u32) < h { (d as u32, h) } else { (h, d as u32) };
            for k in lo + 1..hi {
                let mut x = k;
                while x != n && x != h {
                    x = heads[x as usize];
                }
                assert!(x == h, "arc {h}->{d} still crosses over {k}: {heads:?}");
            }
        }
    }

    fn toy() -> (Vec<TreebankSentence>, Vec<Vec<(Upos, Tag)>>) {
        let mut sentences = Vec::new();
        let mut tags = Vec::new();
        for (name, obj) in [("Anna", "dogs"), ("Boris", "cats"), ("Chen", "birds")] {
            let words = vec![
                Word {
                    form: name.into(),
                    upos: Upos::Propn,
                    xpos: Tag::Nnp,
                    head: 2,
                    rel: DepRel::Nsubj,
                    ..Word::default()
                },
                Word {
                    form: "likes".into(),
                    upos: Upos::Verb,
                    xpos: Tag::Vbz,
                    head: 0,
                    rel: DepRel::Root,
                    ..Word::default()
                },
                Word {
                    form: obj.into(),
                    upos: Upos::Noun,
                    xpos: Tag::Nns,
                    head: 2,
                    rel: DepRel::Obj,
                    ..Word::default()
                },
                Word {
                    form: ".".into(),
                    upos: Upos::Punct,
                    xpos: Tag::Period,
                    head: 2,
                    rel: DepRel::Punct,
                    ..Word::default()
                },
            ];
            tags.push(words.iter().map(|w| (w.upos, w.xpos)).collect());
            sentences.push(TreebankSentence { words, ..TreebankSentence::default() });
        }
        (sentences, tags)
    }

    #[test]
    fn learns_toy_trees_and_round_trips() {
        let (sentences, tags) = toy();
        let parser = Parser::train(
            &sentences,
            &tags,
            &ParserOptions { epochs: 8, prune: 0, ..Default::default() },
            |_, _| {},
        );
        let words = ["Boris", "likes", "dogs", "."];
        let got = parser.predict(&words, &tags[0]);
        assert_eq!(
            got,
            vec![
                (Some(1), DepRel::Nsubj),
                (None, DepRel::Root),
                (Some(1), DepRel::Obj),
                (Some(1), DepRel::Punct)
            ]
        );
        let back = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(back.predict(&words, &tags[0]), got);
        assert!(parser.predict(&[], &[]).is_empty());
    }

    #[test]
    fn every_sentence_gets_one_root_and_a_tree() {
        let (sentences, tags) = toy();
        let parser = Parser::train(
            &sentences,
            &tags,
            &ParserOptions { epochs: 2, prune: 0, ..Default::default() },
            |_, _| {},
        );
        let words: Vec<String> = (0..300).map(|i| format!("w{}", i % 7)).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags = vec![(Upos::Noun, Tag::Nn); words.len()];
        let arcs = parser.predict(&words, &tags);
        assert_eq!(arcs.iter().filter(|a| a.0.is_none()).count(), 1);
        // Following heads from any word reaches the root without a cycle.
        for start in 0..arcs.len() {
            let mut k = start;
            let mut steps = 0;
            while let Some(h) = arcs[k].0 {
                k = h as usize;
                steps += 1;
                assert!(steps <= arcs.len());
            }
        }
    }
}
