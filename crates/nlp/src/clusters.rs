//! Brown word clusters: for about 190,000 English word forms, the path of the word in a binary
//! tree of 1,000 clusters learnt from a large corpus, so that words the treebanks never saw
//! still share features with words they did ("Nairobi" with "Paris", "Merkel" with "Clinton").
//!
//! The clusters are those published in spaCy's `spacy-lookups-data` package (MIT licence,
//! `en_lexeme_cluster`); `scripts/word-clusters.sh` fetches that package and writes them as a
//! tab-separated list, and [`Clusters::from_tsv`] turns the list into the compact file that
//! is compiled in (`models/clusters.bin`). A path is stored as spaCy stores it: the bits of the
//! path with its first step in the lowest bit, so that a prefix of `k` steps is the lowest `k`
//! bits ([`prefix`]).
//!
//! This module only looks words up; which prefixes a model uses is each model's business.

use crate::binary::{ModelError, Reader, Writer};
use crate::hash;
use std::sync::OnceLock;

const KIND: &str = "clusters";
const VERSION: u32 = 1;

/// Licence and attribution carried by the clusters file.
pub const CLUSTERS_NOTICE: &str = "Brown clusters from spacy-lookups-data 1.0.5 (en_lexeme_cluster). \
MIT License. Copyright (c) 2019 ExplosionAI GmbH. Permission is hereby granted, free of charge, to any \
person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal \
in the Software without restriction, including without limitation the rights to use, copy, modify, \
merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to \
whom the Software is furnished to do so, subject to the following conditions: The above copyright \
notice and this permission notice shall be included in all copies or substantial portions of the \
Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, \
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND \
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES \
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN \
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";

/// Why a clusters list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClustersError {
    /// A line is not `word<TAB>path` with a positive integer path.
    #[error("line {line}: expected `word<TAB>cluster path`")]
    Line {
        /// One-based line number.
        line: usize,
    },
}

/// The lowest `k` bits of a cluster path: the cluster's ancestor `k` steps below the root
/// (the whole path when it is shorter). 0 stays 0 (no cluster).
pub fn prefix(path: u32, k: u32) -> u64 {
    if path == 0 {
        return 0;
    }
    let mask = if k >= 32 { u32::MAX } else { (1u32 << k) - 1 };
    // The top bit marks "has a cluster", so that a prefix of zeros differs from none.
    u64::from(path & mask) | 1 << 40
}

/// Word forms and their cluster paths.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Distinct paths.
    paths: Vec<u32>,
    /// Open-addressing table of 1 MB: each slot holds the upper 22 bits of a 32-bit form key
    /// and one more than the index of its path in `paths` (10 bits); 0 is an empty slot.
    slots: Vec<u32>,
    /// Entries, sorted by key, as stored in the file.
    entries: Vec<(u32, u16)>,
}

/// Bits of a slot that hold the path index (plus one); the rest hold the key's upper bits.
const INDEX_BITS: u32 = 10;

/// A slot's content for key `k` and path index `p`; `None` if the index does not fit.
fn slot_entry(k: u32, p: u16) -> Option<u32> {
    let index = u32::from(p) + 1;
    (index < 1 << INDEX_BITS).then_some(k >> INDEX_BITS << INDEX_BITS | index)
}

/// The home slot of key `k`: from all its bits, so that keys sharing the bits kept in a
/// slot start far apart.
fn home(k: u32, mask: usize) -> usize {
    ((u64::from(k).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as usize & mask
}

fn key(form_hash: u64) -> u32 {
    // 0 marks an empty slot.
    ((form_hash >> 32) as u32 ^ form_hash as u32).max(1)
}

impl Clusters {
    /// Read a `word<TAB>path` list (one word per line; the path as a decimal integer).
    pub fn from_tsv(text: &str) -> Result<Clusters, ClustersError> {
        let mut by_key: std::collections::BTreeMap<u32, u32> = std::collections::BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let (word, path) = line.split_once('\t').ok_or(ClustersError::Line { line: n + 1 })?;
            let path: u32 = path.trim().parse().map_err(|_| ClustersError::Line { line: n + 1 })?;
            if word.is_empty() || path == 0 {
                continue;
            }
            // On a (rare) key collision the first word in the list keeps the key.
            by_key.entry(key(hash::text(word))).or_insert(path);
        }
        let mut paths: Vec<u32> = by_key.values().copied().collect();
        paths.sort_unstable();
        paths.dedup();
        let entries =
            by_key.into_iter().map(|(k, p)| (k, paths.binary_search(&p).map_or(0, |i| i as u16))).collect();
        Ok(Clusters::build(paths, entries))
    }

    fn build(paths: Vec<u32>, entries: Vec<(u32, u16)>) -> Clusters {
        // About three quarters full: probes stay within a cache line or two.
        let size = (entries.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        for &(k, p) in &entries {
            let Some(entry) = slot_entry(k, p) else { continue };
            let mut i = home(k, size - 1);
            while slots[i] != 0 && slots[i] >> INDEX_BITS != k >> INDEX_BITS {
                i = (i + 1) & (size - 1);
            }
            slots[i] = entry;
        }
        Clusters { paths, slots, entries }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cluster path of the word whose exact-form hash ([`hash::text`]) is `form_hash`, 0
    /// if it has none.
    pub fn path(&self, form_hash: u64) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        let k = key(form_hash);
        let mask = self.slots.len() - 1;
        let mut i = home(k, mask);
        loop {
            let e = self.slots[i];
            if e == 0 {
                return 0;
            }
            if e >> INDEX_BITS == k >> INDEX_BITS {
                let index = (e & ((1 << INDEX_BITS) - 1)) as usize;
                return self.paths.get(index.wrapping_sub(1)).copied().unwrap_or(0);
            }
            i = (i + 1) & mask;
        }
    }

    /// The cluster path of a word by its exact form, else by its lower-cased form (the
    /// hashes [`hash::text`] and [`hash::lower`] of the word); 0 if neither has one.
    pub fn path_of(&self, form_hash: u64, lower_hash: u64) -> u32 {
        match self.path(form_hash) {
            0 if lower_hash != form_hash => self.path(lower_hash),
            p => p,
        }
    }

    /// Serialise.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION, CLUSTERS_NOTICE);
        w.u32(self.paths.len() as u32);
        for &p in &self.paths {
            w.u32(p);
        }
        w.u32(self.entries.len() as u32);
        for &(k, p) in &self.entries {
            w.u32(k);
            w.u16(p);
        }
        w.into_bytes()
    }

    /// Read a file written by [`Clusters::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Clusters, ModelError> {
        let mut r = Reader::open(data, KIND, VERSION)?;
        let n = r.count(4)?;
        let mut paths = Vec::with_capacity(n);
        for _ in 0..n {
            paths.push(r.u32()?);
        }
        let n = r.count(6)?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let (k, p) = (r.u32()?, r.u16()?);
            if k == 0 || p as usize >= paths.len() || slot_entry(k, p).is_none() {
                return Err(ModelError::Corrupt("cluster entry"));
            }
            entries.push((k, p));
        }
        r.finish()?;
        Ok(Clusters::build(paths, entries))
    }

    /// The shipped clusters (empty if the compiled-in file could not be read, which a test
    /// rules out).
    pub fn shipped() -> &'static Clusters {
        static SHIPPED: OnceLock<Clusters> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Clusters::from_bytes(include_bytes!("../models/clusters.bin")).unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_exact_forms_and_round_trips() {
        let c = Clusters::from_tsv("Paris\t678\nLondon\t678\nsaid\t116\nnone\t0\n").unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.path(hash::text("Paris")), 678);
        assert_eq!(c.path(hash::text("London")), 678);
        assert_eq!(c.path(hash::text("said")), 116);
        assert_eq!(c.path(hash::text("paris")), 0);
        assert_eq!(c.path_of(hash::text("PARIS"), hash::lower("PARIS")), 0);
        assert_eq!(c.path_of(hash::text("SAID"), hash::lower("SAID")), 116);
        assert_eq!(c.path_of(hash::text("London"), hash::lower("London")), 678);
        assert_eq!(c.path(hash::text("none")), 0);
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back.path(hash::text("London")), 678);
        assert_eq!(back.len(), 3);
        assert!(Clusters::from_tsv("no tab here\n").is_err());
        assert!(Clusters::from_bytes(&c.to_bytes()[..20]).is_err());
    }

    #[test]
    fn prefixes_are_low_bits() {
        // 678 = 0b10_1010_0110 and 166 = 0b1010_0110 share their nine lowest bits.
        assert_eq!(prefix(678, 9), prefix(166, 9));
        assert_ne!(prefix(678, 10), prefix(166, 10));
        assert_eq!(prefix(0, 4), 0);
        assert_ne!(prefix(16, 4), 0);
    }

    #[test]
    fn shipped_clusters_know_common_words() {
        let c = Clusters::shipped();
        assert!(c.len() > 100_000, "{}", c.len());
        // Capital cities share a cluster; a common verb is elsewhere.
        assert_eq!(c.path(hash::text("Paris")), c.path(hash::text("London")));
        assert_ne!(c.path(hash::text("Paris")), c.path(hash::text("said")));
    }
}
