//! Linear multi-class models over hashed sparse features: the averaged perceptron that
//! trains them and the frozen, quantised form that predicts.
//!
//! A feature is a 32-bit key (see [`key`]). In training each feature has a short list of
//! `(class, weight)` entries, so a feature that only ever separated two classes costs two
//! entries, and so does it in model files. The frozen form keeps 16-bit integer weights in an
//! open-addressing table whose slots hold the key and the feature's whole row: scoring a
//! feature is one probe into one place in memory and a run of adds, with no allocation.
//!
//! This module knows nothing of words, tags or transitions.

use crate::binary::{ModelError, Reader, Writer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The 32-bit key stored for a 64-bit feature hash (never 0, which marks an empty slot).
#[inline]
pub fn key(hash: u64) -> u32 {
    ((hash >> 32) as u32).max(1)
}

/// A `Hasher` for keys that are already hashes.
#[derive(Default, Clone, Copy, Debug)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A hash map keyed by feature keys.
pub type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy, Debug)]
struct TrainEntry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// An averaged perceptron being trained.
#[derive(Debug, Clone)]
pub struct Perceptron {
    n_classes: usize,
    rows: KeyMap<Vec<TrainEntry>>,
    time: u64,
}

impl Perceptron {
    /// A model over `n_classes` classes with no weights.
    pub fn new(n_classes: usize) -> Perceptron {
        Perceptron { n_classes, rows: KeyMap::default(), time: 0 }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Add the current (not averaged) weights of `features` to `scores`.
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight;
                    }
                }
            }
        }
    }

    /// Count one training instance (call once per prediction, before any update for it).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Move the weights of `features` by `delta` towards class `class`.
    pub fn update(&mut self, features: &[u32], class: usize, delta: f32) {
        let now = self.time;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            let entry = match row.iter_mut().position(|e| e.class as usize == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(TrainEntry { class: class as u16, weight: 0.0, total: 0.0, stamp: now });
                    let last = row.len() - 1;
                    &mut row[last]
                }
            };
            entry.total += (now - entry.stamp) as f64 * f64::from(entry.weight);
            entry.stamp = now;
            entry.weight += delta;
        }
    }

    /// The usual perceptron step: reward `truth`, penalise `guess`, if they differ.
    pub fn learn(&mut self, features: &[u32], truth: usize, guess: usize) {
        if truth != guess {
            self.update(features, truth, 1.0);
            self.update(features, guess, -1.0);
        }
    }

    /// Freeze the averaged weights. Entries whose averaged magnitude is below `min_weight`
    /// are dropped, and so are features left with no entries.
    pub fn average(&self, min_weight: f32) -> Weights {
        let now = self.time.max(1);
        let mut averaged: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.rows.len());
        let mut max_abs = 0f32;
        for (&k, row) in &self.rows {
            let mut entries = Vec::with_capacity(row.len());
            for e in row {
                let total = e.total + (now - e.stamp) as f64 * f64::from(e.weight);
                let avg = (total / now as f64) as f32;
                if avg.abs() >= min_weight && avg != 0.0 {
                    max_abs = max_abs.max(avg.abs());
                    entries.push((e.class, avg));
                }
            }
            if !entries.is_empty() {
                averaged.push((k, entries));
            }
        }
        averaged.sort_unstable_by_key(|(k, _)| *k);
        let scale = if max_abs > 0.0 { max_abs / f32::from(i16::MAX) } else { 1.0 };
        let mut features = Vec::with_capacity(averaged.len());
        for (k, entries) in averaged {
            let mut q: Vec<Entry> = entries
                .into_iter()
                .map(|(class, w)| Entry { class, weight: (w / scale).round() as i16 })
                .filter(|e| e.weight != 0)
                .collect();
            q.sort_unstable_by_key(|e| e.class);
            if !q.is_empty() {
                features.push((k, q));
            }
        }
        Weights::build(self.n_classes, scale, features)
    }
}

/// One weight of a frozen model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    class: u16,
    weight: i16,
}

/// A frozen linear model: quantised averaged weights in an open-addressing table whose
/// slots hold the feature key and its whole row of class weights, so that scoring a feature
/// touches one place in memory.
#[derive(Clone, Debug)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    /// Number of slots (about 1.25 per feature).
    slots: usize,
    /// `i16`s per slot: two for the key, then one per class, rounded up to even.
    stride: usize,
    table: Vec<i16>,
    n_features: usize,
    n_weights: usize,
}

/// Features whose home slots [`Weights::score`] reads before adding any row.
const SCORE_BATCH: usize = 32;

/// The home slot of a key among `slots` (keys are uniform 32-bit hashes).
#[inline]
fn home(key: u32, slots: usize) -> usize {
    ((u64::from(key) * slots as u64) >> 32) as usize
}

/// The slot after `i`, wrapping around.
#[inline]
fn next(i: usize, slots: usize) -> usize {
    if i + 1 == slots {
        0
    } else {
        i + 1
    }
}

#[inline]
fn slot_key(slot: &[i16]) -> u32 {
    u32::from(slot[0] as u16) | u32::from(slot[1] as u16) << 16
}

impl Weights {
    fn build(n_classes: usize, scale: f32, features: Vec<(u32, Vec<Entry>)>) -> Weights {
        // At most two features in five slots: a fuller table makes probe chains longer; the
        // transition table of a parser with 0.52 M features was about 13% slower with half
        // the slots (load 0.49) than with twice as many (round 4, `--example speed`).
        let slots = (features.len() * 5 / 2).next_power_of_two().max(16);
        let stride = (2 + n_classes).div_ceil(2) * 2;
        let mut table = vec![0i16; slots * stride];
        let mut n_features = 0;
        let mut n_weights = 0;
        for (k, row) in features {
            let mut i = home(k, slots);
            loop {
                let found = slot_key(&table[i * stride..]);
                if found == 0 || found == k {
                    break;
                }
                i = next(i, slots);
            }
            let slot = &mut table[i * stride..(i + 1) * stride];
            if slot_key(slot) == k {
                continue; // a duplicate key in a corrupt file: keep the first
            }
            slot[0] = k as u16 as i16;
            slot[1] = (k >> 16) as u16 as i16;
            for e in row {
                if let Some(w) = slot.get_mut(2 + e.class as usize) {
                    *w = e.weight;
                    n_weights += 1;
                }
            }
            n_features += 1;
        }
        Weights { n_classes, scale, slots, stride, table, n_features, n_weights }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of non-zero weights.
    pub fn n_weights(&self) -> usize {
        self.n_weights
    }

    /// The factor that turns integer scores into the perceptron's units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    #[inline]
    fn row(&self, k: u32) -> Option<&[i16]> {
        let mut i = home(k, self.slots);
        loop {
            let slot = &self.table[i * self.stride..(i + 1) * self.stride];
            let found = slot_key(slot);
            if found == k {
                return Some(&slot[2..2 + self.n_classes]);
            }
            if found == 0 {
                return None;
            }
            i = next(i, self.slots);
        }
    }

    /// Add the integer weights of `features` to `scores` (one per class).
    ///
    /// The home slots of a batch of features are read first, in a loop whose loads do not
    /// depend on each other, so that their cache misses overlap; the rows are added after.
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [i32]) {
        const BATCH: usize = SCORE_BATCH;
        let n = self.n_classes.min(scores.len());
        let scores = &mut scores[..n];
        let stride = self.stride;
        for chunk in features.chunks(BATCH) {
            let mut homes = [0u32; BATCH];
            if stride > 32 {
                // A row wider than a cache line: its end is read too, so that both lines load
                // together.
                let mut touched = 0i16;
                for (home_key, &f) in homes.iter_mut().zip(chunk) {
                    let i = home(f, self.slots);
                    *home_key = slot_key(&self.table[i * stride..i * stride + 2]);
                    touched ^= self.table[i * stride + stride - 1];
                }
                std::hint::black_box(touched);
            } else {
                for (home_key, &f) in homes.iter_mut().zip(chunk) {
                    let i = home(f, self.slots);
                    *home_key = slot_key(&self.table[i * stride..i * stride + 2]);
                }
            }
            for (&home_key, &f) in homes.iter().zip(chunk) {
                if home_key == 0 {
                    continue;
                }
                let row = if home_key == f {
                    let i = home(f, self.slots);
                    &self.table[i * stride + 2..i * stride + 2 + n]
                } else {
                    match self.row(f) {
                        Some(row) => &row[..n],
                        None => continue,
                    }
                };
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
    }

    /// Add the weights of `features` for the classes in `range` only to `scores[range]`.
    #[inline]
    pub fn score_range(&self, features: &[u32], range: std::ops::Range<usize>, scores: &mut [i32]) {
        let end = range.end.min(self.n_classes).min(scores.len());
        let start = range.start.min(end);
        if start == end {
            return;
        }
        let scores = &mut scores[start..end];
        let stride = self.stride;
        // As in `score`, the home slots of a batch are read first; so is the first weight of
        // the range, which in a wide row lies in another cache line than the key.
        for chunk in features.chunks(SCORE_BATCH) {
            let mut homes = [0u32; SCORE_BATCH];
            let mut touched = 0i16;
            for (home_key, &f) in homes.iter_mut().zip(chunk) {
                let i = home(f, self.slots);
                *home_key = slot_key(&self.table[i * stride..i * stride + 2]);
                touched ^= self.table[i * stride + 2 + start];
            }
            std::hint::black_box(touched);
            for (&home_key, &f) in homes.iter().zip(chunk) {
                if home_key == 0 {
                    continue;
                }
                let row = if home_key == f {
                    let i = home(f, self.slots) * stride + 2;
                    &self.table[i..i + self.n_classes]
                } else {
                    match self.row(f) {
                        Some(row) => row,
                        None => continue,
                    }
                };
                for (s, &w) in scores.iter_mut().zip(&row[start..end]) {
                    *s += i32::from(w);
                }
            }
        }
    }

    /// The best class; `scores` is filled with every class's score.
    pub fn best(&self, features: &[u32], scores: &mut [i32]) -> usize {
        scores.iter_mut().for_each(|s| *s = 0);
        self.score(features, scores);
        argmax(scores)
    }

    /// The same model without the weights whose magnitude is below `min` (in the integer
    /// units of the model), and without the features left with none.
    pub fn pruned(&self, min: i16) -> Weights {
        Weights::build(self.n_classes, self.scale, self.sparse_rows(min))
    }

    fn sparse_rows(&self, min: i16) -> Vec<(u32, Vec<Entry>)> {
        let mut rows = Vec::with_capacity(self.n_features);
        for slot in self.table.chunks_exact(self.stride) {
            let k = slot_key(slot);
            if k == 0 {
                continue;
            }
            let entries: Vec<Entry> = slot[2..2 + self.n_classes]
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0 && w.unsigned_abs() >= min.unsigned_abs())
                .map(|(c, &w)| Entry { class: c as u16, weight: w })
                .collect();
            if !entries.is_empty() {
                rows.push((k, entries));
            }
        }
        rows.sort_unstable_by_key(|(k, _)| *k);
        rows
    }

    /// Append the model to a file.
    pub fn write(&self, w: &mut Writer) {
        let rows = self.sparse_rows(1);
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(rows.len() as u32);
        let byte_classes = self.n_classes <= 256;
        for (k, entries) in rows {
            w.u32(k);
            w.u16(entries.len() as u16);
            for e in entries {
                if byte_classes {
                    w.u8(e.class as u8);
                } else {
                    w.u16(e.class);
                }
                w.i16(e.weight);
            }
        }
    }

    /// Read a model written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Weights, ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(ModelError::Corrupt("class count"));
        }
        let byte_classes = n_classes <= 256;
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Corrupt("weight scale"));
        }
        let n = r.count(6)?;
        let mut features = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u32()?;
            if k == 0 {
                return Err(ModelError::Corrupt("feature key 0"));
            }
            let len = r.u16()? as usize;
            let mut row = Vec::with_capacity(len.min(n_classes));
            for _ in 0..len {
                let class = if byte_classes { u16::from(r.u8()?) } else { r.u16()? };
                let weight = r.i16()?;
                if class as usize >= n_classes {
                    return Err(ModelError::Corrupt("class out of range"));
                }
                row.push(Entry { class, weight });
            }
            features.push((k, row));
        }
        Ok(Weights::build(n_classes, scale, features))
    }
}

/// Index of the largest score (the first one on ties; 0 for an empty slice).
#[inline]
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class = which of features 10, 20, 30 is present; 99 is always on.
        let data = [(vec![10u32, 99], 0usize), (vec![20, 99], 1), (vec![30, 99], 2)];
        let mut p = Perceptron::new(3);
        for _ in 0..5 {
            for (f, y) in &data {
                p.tick();
                let mut s = [0f32; 3];
                p.score(f, &mut s);
                p.learn(f, *y, argmax(&s));
            }
        }
        let w = p.average(0.0);
        let mut scores = [0i32; 3];
        for (f, y) in &data {
            assert_eq!(w.best(f, &mut scores), *y);
        }
        let mut out = Writer::new("test", 1, "");
        w.write(&mut out);
        let bytes = out.into_bytes();
        let mut r = Reader::open(&bytes, "test", 1).unwrap();
        let back = Weights::read(&mut r).unwrap();
        r.finish().unwrap();
        assert_eq!(back.n_features(), w.n_features());
        for (f, y) in &data {
            assert_eq!(back.best(f, &mut scores), *y);
        }
        // Unknown features score nothing.
        assert_eq!(back.best(&[12345], &mut scores), 0);
        assert_eq!(scores, [0, 0, 0]);
    }

    /// A model with `n_classes` classes and 300 features whose keys crowd a few home slots,
    /// so that many sit away from home.
    fn crowded(n_classes: usize) -> (Weights, Vec<(u32, Vec<Entry>)>) {
        let mut rows = Vec::new();
        for i in 0..300u32 {
            // Keys differing only in their low bits share a home slot.
            let k = 0x8000_0000 | (i % 7) << 24 | i;
            let row = (0..n_classes)
                .filter(|c| !(c + i as usize).is_multiple_of(3))
                .map(|c| Entry { class: c as u16, weight: ((i as usize * 7 + c * 13) % 23) as i16 - 11 })
                .filter(|e| e.weight != 0)
                .collect();
            rows.push((k, row));
        }
        rows.sort_unstable_by_key(|(k, _)| *k);
        (Weights::build(n_classes, 1.0, rows.clone()), rows)
    }

    #[test]
    fn batched_scores_equal_row_by_row_sums() {
        for n_classes in [3, 18, 50, 102] {
            let (w, rows) = crowded(n_classes);
            // Every feature, some twice, and keys that are absent.
            let mut features: Vec<u32> = rows.iter().map(|(k, _)| *k).collect();
            features.extend(rows.iter().step_by(5).map(|(k, _)| *k));
            features.extend([0x8000_0001u32 ^ 0x40_0000, 0x1234_5678, 0x7fff_ffff]);
            let mut expected = vec![0i32; n_classes];
            for f in &features {
                if let Some((_, row)) = rows.iter().find(|(k, _)| k == f) {
                    for e in row {
                        expected[e.class as usize] += i32::from(e.weight);
                    }
                }
            }
            let mut got = vec![0i32; n_classes];
            w.score(&features, &mut got);
            assert_eq!(got, expected, "score, {n_classes} classes");
            for range in [0..n_classes, 1..2.min(n_classes), n_classes / 2..n_classes, 0..0] {
                let mut got = vec![0i32; n_classes];
                w.score_range(&features, range.clone(), &mut got);
                for (c, (&g, &e)) in got.iter().zip(&expected).enumerate() {
                    assert_eq!(g, if range.contains(&c) { e } else { 0 }, "score_range {range:?}, class {c}");
                }
            }
            // A range past the classes scores nothing and does not panic.
            let mut got = vec![0i32; n_classes];
            w.score_range(&features, n_classes..n_classes + 3, &mut got);
            assert!(got.iter().all(|&g| g == 0));
        }
    }

    #[test]
    fn corrupt_weights_are_errors() {
        let mut out = Writer::new("test", 1, "");
        out.u32(3);
        out.f32(0.5);
        out.u32(1);
        out.u32(7);
        out.u16(1);
        out.u8(9); // class 9 of 3
        out.i16(1);
        let bytes = out.into_bytes();
        let mut r = Reader::open(&bytes, "test", 1).unwrap();
        assert!(Weights::read(&mut r).is_err());
        let mut out = Writer::new("test", 1, "");
        out.u32(3);
        out.f32(0.5);
        out.u32(u32::MAX);
        let bytes = out.into_bytes();
        let mut r = Reader::open(&bytes, "test", 1).unwrap();
        assert!(matches!(Weights::read(&mut r), Err(ModelError::Corrupt(_))));
    }
}
