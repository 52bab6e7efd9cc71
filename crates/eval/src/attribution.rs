//! Scoring attributions against PolNeAR.
//!
//! The metric (also in `docs/evaluation.md`):
//! - Spans are compared as sets of words (maximal runs of letters and digits), so quotation
//!   marks, punctuation and spacing at the edges do not count.
//! - **Content precision** is the share of predicted content words that fall in the gold
//!   content they overlap most; **content recall** the share of gold content words covered
//!   by the prediction that overlaps them most; **content F1** their harmonic mean. Counts
//!   are pooled over all documents and annotation files.
//! - A prediction and a gold attribution **match** when, paired greedily by decreasing Dice
//!   coefficient of their content words, the Dice coefficient is at least 0.5.
//! - For matched pairs whose gold attribution names a source, the **source is right** if the
//!   words of the predicted source (its mention here, or any mention of the entity it was
//!   resolved to) overlap the gold source words.

use crate::polnear::{CharRange, GoldDocument};
use std::collections::HashMap;

/// A predicted attribution in characters of the original text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Predicted {
    /// Content pieces.
    pub content: Vec<CharRange>,
    /// Where the source is named (mention here, plus mentions of the resolved entity).
    pub source: Vec<CharRange>,
}

/// Pooled scores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted attributions.
    pub predicted: usize,
    /// Content word precision.
    pub content_precision: f64,
    /// Content word recall.
    pub content_recall: f64,
    /// Content word F1.
    pub content_f1: f64,
    /// Matched pairs (Dice ≥ 0.5).
    pub matched: usize,
    /// Matched pairs whose gold names a source.
    pub source_judged: usize,
    /// Of those, pairs with the source right.
    pub source_right: usize,
}

impl Scores {
    /// Share of matched attributions (with a gold source) whose source is right.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_right, self.source_judged)
    }

    /// Precision of matched attributions (matched / predicted).
    pub fn match_precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    /// Recall of matched attributions (matched / gold).
    pub fn match_recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Word index of every character of a text (`None` for characters outside words).
struct Words {
    of_char: Vec<Option<u32>>,
}

impl Words {
    fn new(text: &str) -> Words {
        let mut of_char = Vec::with_capacity(text.len());
        let mut word = 0u32;
        let mut inside = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                if !inside {
                    inside = true;
                }
                of_char.push(Some(word));
            } else {
                if inside {
                    word += 1;
                }
                inside = false;
                of_char.push(None);
            }
        }
        Words { of_char }
    }

    fn set(&self, ranges: &[CharRange]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &(s, e) in ranges {
            let (s, e) = (s as usize, (e as usize).min(self.of_char.len()));
            for w in self.of_char.get(s..e).into_iter().flatten().flatten() {
                if out.last() != Some(w) {
                    out.push(*w);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Score predictions (by document name) against every annotation file of every document.
pub fn score(docs: &[GoldDocument], predictions: &HashMap<String, Vec<Predicted>>) -> Scores {
    let mut s = Scores::default();
    let (mut p_num, mut p_den, mut r_num, mut r_den) = (0usize, 0usize, 0usize, 0usize);
    let empty = Vec::new();
    for doc in docs {
        let words = Words::new(&doc.text);
        let preds = predictions.get(&doc.name).unwrap_or(&empty);
        let pred_content: Vec<Vec<u32>> = preds.iter().map(|p| words.set(&p.content)).collect();
        let pred_source: Vec<Vec<u32>> = preds.iter().map(|p| words.set(&p.source)).collect();
        for annotation in &doc.annotations {
            let gold_content: Vec<Vec<u32>> = annotation.iter().map(|g| words.set(&g.content)).collect();
            let gold_source: Vec<Vec<u32>> = annotation.iter().map(|g| words.set(&g.source)).collect();
            s.gold += annotation.len();
            s.predicted += preds.len();
            for p in &pred_content {
                p_den += p.len();
                p_num += gold_content.iter().map(|g| overlap(p, g)).max().unwrap_or(0);
            }
            for g in &gold_content {
                r_den += g.len();
                r_num += pred_content.iter().map(|p| overlap(g, p)).max().unwrap_or(0);
            }
            // Greedy one-to-one matching by Dice.
            let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
            for (i, p) in pred_content.iter().enumerate() {
                for (j, g) in gold_content.iter().enumerate() {
                    let n = overlap(p, g);
                    if n > 0 {
                        pairs.push((2.0 * n as f64 / (p.len() + g.len()) as f64, i, j));
                    }
                }
            }
            pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
            let mut used_p = vec![false; pred_content.len()];
            let mut used_g = vec![false; gold_content.len()];
            for (dice, i, j) in pairs {
                if dice < 0.5 || used_p[i] || used_g[j] {
                    continue;
                }
                used_p[i] = true;
                used_g[j] = true;
                s.matched += 1;
                if !gold_source[j].is_empty() {
                    s.source_judged += 1;
                    if overlap(&pred_source[i], &gold_source[j]) > 0 {
                        s.source_right += 1;
                    }
                }
            }
        }
    }
    s.content_precision = ratio(p_num, p_den);
    s.content_recall = ratio(r_num, r_den);
    s.content_f1 = f1(s.content_precision, s.content_recall);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polnear::GoldAttribution;

    fn doc(text: &str, gold: Vec<GoldAttribution>) -> GoldDocument {
        GoldDocument { name: "d".into(), text: text.into(), annotations: vec![gold] }
    }

    fn range(text: &str, part: &str) -> CharRange {
        let b = text.find(part).unwrap();
        let s = text[..b].chars().count() as u32;
        (s, s + part.chars().count() as u32)
    }

    #[test]
    fn exact_prediction_scores_one() {
        let text = "“We will win,” Hu said. Rain fell.";
        let gold = vec![GoldAttribution {
            content: vec![range(text, "“We will win,”")],
            source: vec![range(text, "Hu")],
            cue: vec![range(text, "said")],
        }];
        let pred = Predicted { content: vec![range(text, "We will win")], source: vec![range(text, "Hu")] };
        let s = score(&[doc(text, gold)], &HashMap::from([("d".to_string(), vec![pred])]));
        assert_eq!((s.content_precision, s.content_recall, s.content_f1), (1.0, 1.0, 1.0));
        assert_eq!((s.matched, s.source_judged, s.source_right), (1, 1, 1));
    }

    #[test]
    fn partial_overlap_and_wrong_source() {
        let text = "Officials said that the talks failed badly on Monday.";
        let gold = vec![GoldAttribution {
            content: vec![range(text, "that the talks failed badly on Monday")], // 7 words
            source: vec![range(text, "Officials")],
            cue: vec![],
        }];
        // 3 of the 7 gold words, plus one word outside it.
        let pred = Predicted {
            content: vec![range(text, "said that the talks")],
            source: vec![range(text, "Monday")],
        };
        let s = score(&[doc(text, gold)], &HashMap::from([("d".to_string(), vec![pred])]));
        assert!((s.content_precision - 0.75).abs() < 1e-9);
        assert!((s.content_recall - 3.0 / 7.0).abs() < 1e-9);
        assert_eq!(s.matched, 1); // Dice = 2*3/(4+7) = 0.545
        assert_eq!(s.source_right, 0);
    }

    #[test]
    fn nothing_predicted() {
        let text = "A said B.";
        let gold = vec![GoldAttribution { content: vec![(7, 8)], source: vec![(0, 1)], cue: vec![] }];
        let s = score(&[doc(text, gold)], &HashMap::new());
        assert_eq!((s.content_precision, s.content_recall, s.gold, s.matched), (0.0, 0.0, 1, 0));
    }
}
