//! Duplicate detection across documents: exact copies and near-copies (the same wire story
//! on twenty sites, a page crawled twice with a different footer).
//!
//! A stateful stage: [`Deduplicator::check`] compares each document's text with every
//! document it has seen before and, on a match, sets `meta.duplicate_of` to the earlier
//! document's id and adds an `Info` diagnostic. It does not drop anything.
//!
//! Method and thresholds:
//! - texts are compared as lowercase words (letters and digits), so spacing, punctuation
//!   and case do not matter;
//! - exact: equal 64-bit hashes of the word sequence;
//! - near: 64-bit SimHash over overlapping 3-word shingles; two texts are near-duplicates
//!   when their fingerprints differ in at most [`NEAR_BITS`] bits (3 of 64, the usual
//!   web-scale setting). Fingerprints are indexed in four 16-bit bands, so any pair within
//!   3 bits shares a band and lookups stay cheap;
//! - texts with fewer than [`MIN_WORDS`] words are only checked for exact copies, and empty
//!   texts not at all.
//!
//! Memory is a few hundred bytes per remembered document (its id, fingerprint and index
//! entries), and bounded: the documents are remembered in two generations of at most
//! [`DEFAULT_WINDOW`] documents each (see [`Deduplicator::with_window`]); when the newer fills
//! up the older is forgotten, so a copy is always linked when fewer than `window` documents
//! came between it and its original, and a run of any length keeps at most twice that many.
//! Copies of a wire story arrive within hours or days of each other, well inside that.
//! A rewritten version of a story (shortened by a third, new paragraphs) is usually further
//! than 3 bits and is not linked.

use newsgraph_model::{Document, Severity};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Most differing SimHash bits for two texts to count as near-duplicates.
pub const NEAR_BITS: u32 = 3;
/// Fewest words for the near-duplicate test.
pub const MIN_WORDS: usize = 20;

/// What a document duplicates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// Id of the earlier document.
    pub of: String,
    /// 0 for an exact copy, otherwise the number of differing fingerprint bits.
    pub distance: u32,
}

/// Documents remembered by default in each of the two generations.
pub const DEFAULT_WINDOW: usize = 100_000;

/// Remembers the documents it has seen (the latest of them: see the module) and links later
/// copies to them.
#[derive(Debug)]
pub struct Deduplicator {
    /// The generation being filled.
    current: Generation,
    /// The one before, still searched.
    previous: Generation,
    window: usize,
    checked: u64,
    exact_found: u64,
    near_found: u64,
}

impl Default for Deduplicator {
    fn default() -> Deduplicator {
        Deduplicator::with_window(DEFAULT_WINDOW)
    }
}

/// One generation of remembered documents and their indexes.
#[derive(Debug, Default)]
struct Generation {
    ids: Vec<String>,
    fingerprints: Vec<u64>,
    exact: HashMap<u64, usize>,
    bands: [HashMap<u16, Vec<u32>>; 4],
}

impl Generation {
    fn find(&self, w: &[String], fp: Option<u64>) -> Option<(usize, u32)> {
        if let Some(&i) = self.exact.get(&hash64(w)) {
            return Some((i, 0));
        }
        let fp = fp?;
        let mut best: Option<(usize, u32)> = None;
        for (band, table) in self.bands.iter().enumerate() {
            let key = (fp >> (16 * band)) as u16;
            for &i in table.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                let d = (self.fingerprints[i as usize] ^ fp).count_ones();
                if d <= NEAR_BITS && best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((i as usize, d));
                }
            }
        }
        best
    }

    fn remember(&mut self, id: &str, w: &[String], fp: Option<u64>) {
        let i = self.ids.len();
        self.ids.push(id.to_string());
        self.exact.insert(hash64(w), i);
        self.fingerprints.push(fp.unwrap_or(0));
        if let Some(fp) = fp {
            for (band, table) in self.bands.iter_mut().enumerate() {
                table.entry((fp >> (16 * band)) as u16).or_default().push(i as u32);
            }
        }
    }
}

fn hash64<T: Hash + ?Sized>(value: &T) -> u64 {
    // SipHash with fixed keys: stable across runs.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The lowercase words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// The SimHash fingerprint of a word sequence (3-word shingles).
pub fn simhash(words: &[String]) -> u64 {
    let mut counts = [0i32; 64];
    let n = words.len().saturating_sub(2).max(1);
    for i in 0..n {
        let end = (i + 3).min(words.len());
        let h = hash64(&words[i..end]);
        for (bit, count) in counts.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *count += 1;
            } else {
                *count -= 1;
            }
        }
    }
    counts.iter().enumerate().fold(0u64, |acc, (bit, &c)| if c > 0 { acc | 1 << bit } else { acc })
}

/// The fingerprint for the near-duplicate test, for texts long enough to take it.
fn fingerprint(words: &[String]) -> Option<u64> {
    (words.len() >= MIN_WORDS).then(|| simhash(words))
}

impl Deduplicator {
    /// An empty deduplicator that remembers [`DEFAULT_WINDOW`] to twice that many documents.
    pub fn new() -> Deduplicator {
        Deduplicator::default()
    }

    /// An empty deduplicator that remembers from `window` to twice `window` of the latest
    /// documents (at least one).
    pub fn with_window(window: usize) -> Deduplicator {
        Deduplicator {
            current: Generation::default(),
            previous: Generation::default(),
            window: window.max(1),
            checked: 0,
            exact_found: 0,
            near_found: 0,
        }
    }

    /// Compare a text with everything remembered without remembering it.
    pub fn find(&self, text: &str) -> Option<Duplicate> {
        let w = words(text);
        if w.is_empty() {
            return None;
        }
        self.find_words(&w, fingerprint(&w))
    }

    fn find_words(&self, w: &[String], fp: Option<u64>) -> Option<Duplicate> {
        // The newer generation first: a copy is linked to the latest remembered original.
        for generation in [&self.current, &self.previous] {
            if let Some((i, distance)) = generation.find(w, fp) {
                return Some(Duplicate { of: generation.ids[i].clone(), distance });
            }
        }
        None
    }

    /// Check a document against the earlier ones remembered; link it if it duplicates one,
    /// otherwise remember it.
    pub fn check(&mut self, doc: &mut Document) -> Option<Duplicate> {
        self.checked += 1;
        let w = words(&doc.text);
        if w.is_empty() {
            return None;
        }
        let fp = fingerprint(&w);
        if let Some(duplicate) = self.find_words(&w, fp) {
            let of = &duplicate.of;
            let message = if duplicate.distance == 0 {
                self.exact_found += 1;
                format!("same text as `{of}`")
            } else {
                self.near_found += 1;
                format!("nearly the same text as `{of}` (SimHash distance {} of 64 bits)", duplicate.distance)
            };
            doc.diagnose(Severity::Info, "dedup", message);
            doc.meta.duplicate_of = Some(of.clone());
            return Some(duplicate);
        }
        if self.current.ids.len() >= self.window {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.remember(&doc.id, &w, fp);
        None
    }

    /// Documents remembered now (between `window` and twice `window` once that many were seen).
    pub fn remembered(&self) -> usize {
        self.current.ids.len() + self.previous.ids.len()
    }

    /// Documents checked, exact duplicates and near-duplicates found so far.
    pub fn counts(&self) -> (u64, u64, u64) {
        (self.checked, self.exact_found, self.near_found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "GENEVA (Reuters) - The World Health Organization said on Tuesday that the number of \
        new cases had fallen for the third week in a row, but warned that testing had dropped sharply in \
        many countries and that the virus was still spreading fast in parts of Asia and Africa.";

    #[test]
    fn exact_copy_with_other_spacing_and_case() {
        let mut d = Deduplicator::new();
        let mut a = Document::new("a", STORY);
        let mut b = Document::new("b", STORY.to_uppercase().replace(' ', "  \n"));
        assert_eq!(d.check(&mut a), None);
        assert_eq!(d.check(&mut b), Some(Duplicate { of: "a".into(), distance: 0 }));
        assert_eq!(b.meta.duplicate_of.as_deref(), Some("a"));
        assert_eq!(b.diagnostics.len(), 1);
        assert_eq!(d.counts(), (2, 1, 0));
    }

    #[test]
    fn near_copy_with_a_different_tail() {
        let long = format!("{STORY} {STORY} {STORY}");
        let mut d = Deduplicator::new();
        let mut a = Document::new("a", long.as_str());
        let mut b = Document::new("b", format!("{long} Read more at our website."));
        d.check(&mut a);
        let dup = d.check(&mut b).expect("near duplicate");
        assert_eq!(dup.of, "a");
        assert!(dup.distance > 0 && dup.distance <= NEAR_BITS);
    }

    #[test]
    fn different_stories_are_not_linked() {
        let mut d = Deduplicator::new();
        let mut a = Document::new("a", STORY);
        let mut b = Document::new(
            "b",
            "The city council approved the new budget on Monday after a long debate about school \
             funding, road repairs and the cost of running the public library for another ten years.",
        );
        d.check(&mut a);
        assert_eq!(d.check(&mut b), None);
        assert_eq!(b.meta.duplicate_of, None);
    }

    #[test]
    fn memory_is_a_window_of_the_latest_documents() {
        let mut d = Deduplicator::with_window(3);
        // Stories with no words in common.
        let text = |i: usize| (0..30).map(|k| format!("word{i}n{k}")).collect::<Vec<_>>().join(" ");
        for i in 0..10 {
            let mut doc = Document::new(format!("s{i}"), text(i));
            assert_eq!(d.check(&mut doc), None, "story {i}");
            assert!(d.remembered() <= 6);
        }
        assert_eq!(d.remembered(), 4, "s6, s7, s8 in the older generation, s9 in the newer");
        // A copy of a remembered story is linked; a copy of a forgotten one is not.
        assert_eq!(d.find(&text(6)).map(|x| x.of), Some("s6".into()));
        assert_eq!(d.find(&text(9)).map(|x| x.of), Some("s9".into()));
        assert_eq!(d.find(&text(5)), None);
        // Duplicates are not remembered, so they do not push originals out.
        for _ in 0..5 {
            let mut copy = Document::new("copy", text(9));
            assert_eq!(d.check(&mut copy).map(|x| x.of), Some("s9".into()));
        }
        assert_eq!(d.remembered(), 4);
    }

    #[test]
    fn empty_and_short_texts() {
        let mut d = Deduplicator::new();
        let mut a = Document::new("a", "");
        let mut b = Document::new("b", "");
        d.check(&mut a);
        assert_eq!(d.check(&mut b), None);
        let mut c = Document::new("c", "Short note.");
        let mut e = Document::new("e", "short note");
        d.check(&mut c);
        assert_eq!(d.check(&mut e).map(|x| x.of), Some("c".to_string()));
    }
}
