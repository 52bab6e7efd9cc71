//! The lemmatiser: suffix rules keyed on the Penn Treebank tag (plural nouns, verb forms,
//! comparatives), and an exception list of the word/tag pairs of the training treebank whose
//! lemma the rules get wrong (irregular verbs and plurals, pronouns, contractions).
//!
//! It needs tags and gives every word a lemma: lower-cased for common words, unchanged for
//! proper nouns. It knows no morphology beyond English inflection.

use crate::binary::{ModelError, Reader, Writer};
use crate::conllu::TreebankSentence;
use newsgraph_model::Tag;
use std::collections::HashMap;

const KIND: &str = "lemmas";
const VERSION: u32 = 1;

/// The trained lemmatiser: rules plus exceptions.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    /// `(lower-cased form, tag)` → lemma, where the rules are wrong.
    exceptions: HashMap<(String, Tag), String>,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Undo consonant doubling ("stopp" → "stop") or restore a silent "e" ("hop" → "hope") on a
/// stem left by removing "-ed", "-ing", "-er" or "-est".
fn repair_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
    {
        return stem[..n - 1].to_string();
    }
    // consonant-vowel-consonant at the end of a short stem: "hop" -> "hope", "mak" -> "make"
    if (2..=4).contains(&n) {
        let c1 = b[n - 1];
        let v = b[n - 2];
        let c0_ok = n < 3 || !is_vowel(b[n - 3]);
        if !is_vowel(c1) && !matches!(c1, b'w' | b'x' | b'y') && is_vowel(v) && c0_ok {
            return format!("{stem}e");
        }
    }
    if stem.ends_with("iz") || stem.ends_with("at") && n > 4 || stem.ends_with("us") && n > 4 {
        return format!("{stem}e");
    }
    stem.to_string()
}

/// The lemma the rules give for a lower-cased form with a tag.
pub fn rule_lemma(lower: &str, tag: Tag) -> String {
    if !lower.is_ascii() || lower.len() < 3 {
        return lower.to_string();
    }
    let strip = |suffix: &str| lower.strip_suffix(suffix).filter(|s| s.len() >= 2);
    match tag {
        Tag::Nns | Tag::Vbz => {
            if let Some(s) = strip("ies") {
                return format!("{s}y");
            }
            for es in ["sses", "shes", "ches", "xes", "zes"] {
                if lower.ends_with(es) {
                    return lower[..lower.len() - 2].to_string();
                }
            }
            if tag == Tag::Vbz && lower.ends_with("oes") {
                return lower[..lower.len() - 2].to_string();
            }
            if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
                return lower.to_string();
            }
            strip("s").map_or_else(|| lower.to_string(), str::to_string)
        }
        Tag::Vbd | Tag::Vbn => {
            if let Some(s) = strip("ied") {
                return format!("{s}y");
            }
            if let Some(s) = strip("eed") {
                return format!("{s}ee");
            }
            match strip("ed") {
                Some(s) => repair_stem(s),
                None => lower.to_string(),
            }
        }
        Tag::Vbg => match strip("ing") {
            Some(s) => repair_stem(s),
            None => lower.to_string(),
        },
        Tag::Jjr | Tag::Rbr => {
            if let Some(s) = strip("ier") {
                return format!("{s}y");
            }
            match strip("er") {
                Some(s) => repair_stem(s),
                None => lower.to_string(),
            }
        }
        Tag::Jjs | Tag::Rbs => {
            if let Some(s) = strip("iest") {
                return format!("{s}y");
            }
            match strip("est") {
                Some(s) => repair_stem(s),
                None => lower.to_string(),
            }
        }
        _ => lower.to_string(),
    }
}

fn is_proper(tag: Tag) -> bool {
    matches!(tag, Tag::Nnp | Tag::Nnps)
}

impl Lemmatizer {
    /// Lemmatise one word given its Penn tag.
    pub fn lemma(&self, word: &str, tag: Tag) -> String {
        if is_proper(tag) {
            return self
                .exceptions
                .get(&(word.to_string(), tag))
                .cloned()
                .unwrap_or_else(|| word.to_string());
        }
        let lower = word.to_lowercase();
        match self.exceptions.get(&(lower, tag)) {
            Some(l) => l.clone(),
            None => rule_lemma(&word.to_lowercase(), tag),
        }
    }

    /// Learn the exceptions from a treebank: every word/tag pair seen at least twice, or
    /// once if no other lemma was seen for it, whose most frequent lemma the rules miss.
    pub fn train(sentences: &[TreebankSentence]) -> Lemmatizer {
        let mut counts: HashMap<(String, Tag), HashMap<String, u32>> = HashMap::new();
        for s in sentences {
            for w in &s.words {
                if w.lemma.is_empty() || w.lemma == "_" {
                    continue;
                }
                let key = if is_proper(w.xpos) { w.form.clone() } else { w.form.to_lowercase() };
                *counts.entry((key, w.xpos)).or_default().entry(w.lemma.clone()).or_insert(0) += 1;
            }
        }
        let mut exceptions = HashMap::new();
        for ((form, tag), lemmas) in counts {
            let Some((best, _)) = lemmas.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))) else {
                continue;
            };
            let predicted = if is_proper(tag) { form.clone() } else { rule_lemma(&form, tag) };
            if *best != predicted {
                exceptions.insert((form, tag), best.clone());
            }
        }
        Lemmatizer { exceptions }
    }

    /// Number of exceptions.
    pub fn len(&self) -> usize {
        self.exceptions.len()
    }

    /// True if there are no exceptions (rules only).
    pub fn is_empty(&self) -> bool {
        self.exceptions.is_empty()
    }

    /// Serialise the exceptions.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION, crate::DATA_NOTICE);
        let mut entries: Vec<_> = self.exceptions.iter().collect();
        entries.sort();
        w.u32(entries.len() as u32);
        for ((form, tag), lemma) in entries {
            w.str(form);
            w.u8(tag.index() as u8);
            w.str(lemma);
        }
        w.into_bytes()
    }

    /// Read exceptions written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Lemmatizer, ModelError> {
        let mut r = Reader::open(data, KIND, VERSION)?;
        let n = r.count(9)?;
        let mut exceptions = HashMap::with_capacity(n);
        for _ in 0..n {
            let form = r.str()?;
            let tag = Tag::from_index(r.u8()? as usize);
            let lemma = r.str()?;
            exceptions.insert((form, tag), lemma);
        }
        r.finish()?;
        Ok(Lemmatizer { exceptions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let cases = [
            ("cities", Tag::Nns, "city"),
            ("boxes", Tag::Nns, "box"),
            ("dogs", Tag::Nns, "dog"),
            ("glass", Tag::Nns, "glass"),
            ("says", Tag::Vbz, "say"),
            ("watches", Tag::Vbz, "watch"),
            ("stopped", Tag::Vbd, "stop"),
            ("called", Tag::Vbd, "call"),
            ("hoped", Tag::Vbd, "hope"),
            ("jumped", Tag::Vbn, "jump"),
            ("agreed", Tag::Vbd, "agree"),
            ("tried", Tag::Vbd, "try"),
            ("running", Tag::Vbg, "run"),
            ("making", Tag::Vbg, "make"),
            ("talking", Tag::Vbg, "talk"),
            ("bigger", Tag::Jjr, "big"),
            ("happiest", Tag::Jjs, "happy"),
            ("the", Tag::Dt, "the"),
        ];
        for (word, tag, lemma) in cases {
            assert_eq!(rule_lemma(word, tag), lemma, "{word}/{tag}");
        }
    }

    #[test]
    fn exceptions_learned_and_round_trip() {
        use crate::conllu::{TreebankSentence, Word};
        let words = [
            ("went", "go", Tag::Vbd),
            ("children", "child", Tag::Nns),
            ("dogs", "dog", Tag::Nns),
            ("Paris", "Paris", Tag::Nnp),
        ];
        let s = TreebankSentence {
            words: words
                .iter()
                .map(|&(f, l, t)| Word { form: f.into(), lemma: l.into(), xpos: t, ..Word::default() })
                .collect(),
            ..TreebankSentence::default()
        };
        let lem = Lemmatizer::train(&[s]);
        assert_eq!(lem.len(), 2); // went, children
        assert_eq!(lem.lemma("Went", Tag::Vbd), "go");
        assert_eq!(lem.lemma("children", Tag::Nns), "child");
        assert_eq!(lem.lemma("cats", Tag::Nns), "cat");
        assert_eq!(lem.lemma("Paris", Tag::Nnp), "Paris");
        assert_eq!(lem.lemma("The", Tag::Dt), "the");
        let back = Lemmatizer::from_bytes(&lem.to_bytes()).unwrap();
        assert_eq!(back.lemma("went", Tag::Vbd), "go");
        assert_eq!(Lemmatizer::default().lemma("北京", Tag::Nnp), "北京");
    }
}
