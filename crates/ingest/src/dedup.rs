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
//! Memory is about 40 bytes per document plus its id. A rewritten version of a story
//! (shortened by a third, new paragraphs) is usually further than 3 bits and is not linked.

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

/// Remembers the documents it has seen and links later copies to them.
#[derive(Debug, Default)]
pub struct Deduplicator {
    ids: Vec<String>,
    fingerprints: Vec<u64>,
    exact: HashMap<u64, usize>,
    bands: [HashMap<u16, Vec<u32>>; 4],
    checked: u64,
    exact_found: u64,
    near_found: u64,
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

impl Deduplicator {
    /// An empty deduplicator.
    pub fn new() -> Deduplicator {
        Deduplicator::default()
    }

    /// Compare a text with everything seen so far without remembering it.
    pub fn find(&self, text: &str) -> Option<Duplicate> {
        let w = words(text);
        if w.is_empty() {
            return None;
        }
        self.find_words(&w).map(|(i, distance)| Duplicate { of: self.ids[i].clone(), distance })
    }

    fn find_words(&self, w: &[String]) -> Option<(usize, u32)> {
        if let Some(&i) = self.exact.get(&hash64(w)) {
            return Some((i, 0));
        }
        if w.len() < MIN_WORDS {
            return None;
        }
        let fp = simhash(w);
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

    /// Check a document against all earlier ones; link it if it duplicates one, otherwise
    /// remember it.
    pub fn check(&mut self, doc: &mut Document) -> Option<Duplicate> {
        self.checked += 1;
        let w = words(&doc.text);
        if w.is_empty() {
            return None;
        }
        if let Some((i, distance)) = self.find_words(&w) {
            let of = self.ids[i].clone();
            let message = if distance == 0 {
                self.exact_found += 1;
                format!("same text as `{of}`")
            } else {
                self.near_found += 1;
                format!("nearly the same text as `{of}` (SimHash distance {distance} of 64 bits)")
            };
            doc.diagnose(Severity::Info, "dedup", message);
            doc.meta.duplicate_of = Some(of.clone());
            return Some(Duplicate { of, distance });
        }
        let i = self.ids.len();
        self.ids.push(doc.id.clone());
        self.exact.insert(hash64(&w[..]), i);
        let fp = if w.len() >= MIN_WORDS { simhash(&w) } else { 0 };
        self.fingerprints.push(fp);
        if w.len() >= MIN_WORDS {
            for (band, table) in self.bands.iter_mut().enumerate() {
                table.entry((fp >> (16 * band)) as u16).or_default().push(i as u32);
            }
        }
        None
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
