//! One reading per document for names that recur: where the recogniser found a name in one
//! sentence and passed over the same words written the same way in another ("Trump said …"
//! after "Donald Trump" and "Trump" were found elsewhere), the other occurrence is that name
//! too, of the type the document gives it most often.
//!
//! It reads only the document's own evidence. An occurrence is taken only when it is a whole
//! run of capitalised proper nouns (so "Trump" inside "Trump Tower" is not), overlaps no name
//! already found, and the name's words are never written in lower case in the document; a
//! person's surname counts as that person's name on its own ("Trump" after "Donald Trump").
//! Days, months and single letters are never taken: the recogniser's mistakes on them would
//! spread. Before that, two people joined by "and" that the recogniser read as one
//! organisation are split ([`split_joined_people`]).

use crate::gazetteer;
use crate::openers::capitalised;
use newsgraph_model::{Document, EntityKind, Upos};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A name the recogniser found: its tokens (document indices) and its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Token indices in the document.
    pub tokens: Range<usize>,
    /// The name's type.
    pub kind: EntityKind,
}

/// Whether token `i` can be part of a recurring name: a capitalised proper noun of more than
/// one character that is not the name of a day or a month (which the recogniser sometimes
/// takes for a name, and which recur often).
fn name_word(doc: &Document, i: usize) -> bool {
    let word = doc.slice(doc.tokens[i].span);
    doc.tokens[i].upos == Upos::Propn
        && capitalised(word)
        && word.chars().nth(1).is_some()
        && !gazetteer::is_calendar_word(word)
}

/// Split names that are two people joined by "and" and read as one organisation or place
/// ("Chinese President Xi Jinping and Putin" found as an organisation "Jinping and Putin"):
/// both sides are one to four capitalised proper nouns with no word that makes organisation
/// names ("Center", "Foundation"), and one side is known as a person, by its last word (the
/// document's own person names, or their surnames) or by its first (a common given name).
/// Returns how many names were split.
pub fn split_joined_people(doc: &Document, found: &mut Vec<Found>) -> usize {
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    let mut people: HashSet<&str> = HashSet::new();
    for f in found.iter().filter(|f| f.kind == EntityKind::Person) {
        if let Some(last) = f.tokens.clone().rev().find(|&i| i < doc.tokens.len()) {
            people.insert(word(last));
        }
    }
    let is_part = |r: &Range<usize>| {
        (1..=4).contains(&r.len())
            && r.clone()
                .all(|i| name_word(doc, i) && gazetteer::lookup(&[word(i)]) & gazetteer::kind::ORG_WORD == 0)
    };
    let is_person = |r: &Range<usize>| {
        people.contains(word(r.end - 1))
            || gazetteer::lookup(&[word(r.start)]) & gazetteer::kind::GIVEN_NAME != 0
    };
    let mut split = Vec::new();
    for (k, f) in found.iter().enumerate() {
        if matches!(f.kind, EntityKind::Person | EntityKind::Norp) || f.tokens.end > doc.tokens.len() {
            continue;
        }
        let joins: Vec<usize> = f.tokens.clone().filter(|&i| word(i) == "and").collect();
        let [and] = joins[..] else { continue };
        let (a, b) = (f.tokens.start..and, and + 1..f.tokens.end);
        if is_part(&a) && is_part(&b) && (is_person(&a) || is_person(&b)) {
            split.push((k, a, b));
        }
    }
    let n = split.len();
    for (k, a, b) in split.into_iter().rev() {
        found[k] = Found { tokens: a, kind: EntityKind::Person };
        found.insert(k + 1, Found { tokens: b, kind: EntityKind::Person });
    }
    n
}

/// Add to `found` the recurring names of `doc` the recogniser passed over in `sentences`
/// (token ranges); `found` is kept in text order. Returns how many were added.
pub fn add_recurring(doc: &Document, sentences: &[Range<usize>], found: &mut Vec<Found>) -> usize {
    if found.is_empty() {
        return 0;
    }
    // How often the document gives each name (its words joined by spaces) each type; a
    // person's last word stands for the person.
    let mut types: HashMap<String, HashMap<EntityKind, usize>> = HashMap::new();
    let mut covered = vec![false; doc.tokens.len()];
    for f in found.iter() {
        let end = f.tokens.end.min(doc.tokens.len());
        let start = f.tokens.start.min(end);
        covered[start..end].iter_mut().for_each(|c| *c = true);
        if start == end || !(start..end).all(|i| name_word(doc, i)) {
            continue;
        }
        let words: Vec<&str> = (start..end).map(|i| doc.slice(doc.tokens[i].span)).collect();
        *types.entry(words.join(" ")).or_default().entry(f.kind).or_default() += 1;
        if f.kind == EntityKind::Person && words.len() > 1 {
            let last = words[words.len() - 1];
            *types.entry(last.to_string()).or_default().entry(f.kind).or_default() += 1;
        }
    }
    if types.is_empty() {
        return 0;
    }
    // Runs of capitalised proper nouns that no name covers and that spell a known name.
    let mut candidates: Vec<(Range<usize>, &str)> = Vec::new();
    for sentence in sentences {
        let end = sentence.end.min(doc.tokens.len());
        let mut i = sentence.start.min(end);
        while i < end {
            if !name_word(doc, i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && name_word(doc, j) {
                j += 1;
            }
            if !covered[i..j].iter().any(|&c| c) {
                let words: Vec<&str> = (i..j).map(|k| doc.slice(doc.tokens[k].span)).collect();
                if let Some((key, _)) = types.get_key_value(words.join(" ").as_str()) {
                    candidates.push((i..j, key.as_str()));
                }
            }
            i = j;
        }
    }
    if candidates.is_empty() {
        return 0;
    }
    // Leave out names whose words the document also writes in lower case ("Bush", "bush").
    let lowered = doc.lower_case_words();
    let mut added = 0;
    for (range, key) in candidates {
        if key.split(' ').any(|w| lowered.contains(w.to_lowercase().as_str())) {
            continue;
        }
        let Some(kind) = types.get(key).and_then(majority) else { continue };
        found.push(Found { tokens: range, kind });
        added += 1;
    }
    if added > 0 {
        found.sort_by_key(|f| (f.tokens.start, f.tokens.end));
    }
    added
}

/// The type given most often; `None` on a tie between types.
fn majority(counts: &HashMap<EntityKind, usize>) -> Option<EntityKind> {
    let best = counts.values().copied().max()?;
    let mut at_best = counts.iter().filter(|(_, &n)| n == best);
    let (&kind, _) = at_best.next()?;
    at_best.next().is_none().then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Span, Token};

    /// A document of whitespace-separated words, one sentence per line, with the tags given
    /// (a word ending in `/P` is a proper noun, the rest are nouns).
    fn doc(lines: &[&str]) -> (Document, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut ranges = Vec::new();
        for line in lines {
            let first = tokens.len();
            for word in line.split_whitespace() {
                let (word, upos) = match word.strip_suffix("/P") {
                    Some(w) => (w, Upos::Propn),
                    None => (word, Upos::Noun),
                };
                let start = text.len();
                text.push_str(word);
                tokens.push(Token { span: Span::new(start, text.len()), upos, ..Token::default() });
                text.push(' ');
            }
            text.push('\n');
            ranges.push(first..tokens.len());
        }
        let mut d = Document::new("d", &text);
        d.tokens = tokens;
        (d, ranges)
    }

    fn found(tokens: Range<usize>, kind: EntityKind) -> Found {
        Found { tokens, kind }
    }

    #[test]
    fn a_name_passed_over_is_found_again_with_the_documents_type() {
        use EntityKind::*;
        let (d, ranges) = doc(&[
            "Donald/P Trump/P met Wells/P Fargo/P bankers .",
            "Trump/P said Wells/P Fargo/P would pay .",
            "Later Trump/P Tower/P was sold and Trump/P left .",
        ]);
        let mut names = vec![found(0..2, Person), found(3..5, Org)];
        // "Trump" (the person's surname) and "Wells Fargo" again; "Trump Tower" is a longer
        // run, so its "Trump" is not the person.
        assert_eq!(add_recurring(&d, &ranges, &mut names), 3);
        assert_eq!(
            names,
            vec![
                found(0..2, Person),
                found(3..5, Org),
                found(7..8, Person),
                found(9..11, Org),
                found(20..21, Person),
            ]
        );
    }

    #[test]
    fn the_majority_type_wins_and_ties_and_lower_case_words_are_left_alone() {
        use EntityKind::*;
        let (d, ranges) = doc(&[
            "Jordan/P and Jordan/P and Jordan/P and Bush/P and Paris/P .",
            "Jordan/P spoke of Bush/P and Paris/P in the bush .",
            "Jordan/P Bush/P Paris/P .",
        ]);
        let mut names = vec![
            found(0..1, Gpe),
            found(2..3, Gpe),
            found(4..5, Person),
            found(6..7, Person),
            found(8..9, Gpe),
        ];
        // "Jordan" is a place two times out of three; "Bush" is also written "bush"; "Jordan
        // Bush Paris" is one run and spells no name.
        assert_eq!(add_recurring(&d, &ranges, &mut names), 2);
        assert_eq!(&names[5..], &[found(10..11, Gpe), found(15..16, Gpe)]);
        let (d, ranges) = doc(&["Lee/P and Lee/P .", "Lee/P ."]);
        let mut names = vec![found(0..1, Person), found(2..3, Org)];
        assert_eq!(add_recurring(&d, &ranges, &mut names), 0);
    }

    #[test]
    fn two_people_read_as_one_organisation_are_split() {
        use EntityKind::*;
        let (d, _) = doc(&[
            "Vladimir/P Putin/P spoke .",
            "Xi/P Jinping/P and Putin/P met .",
            "Miller/P and John/P Smith/P left .",
            "Blu/P Bar/P and Grill/P opened .",
            "Carnegie/P Center/P and Putin/P spoke .",
        ]);
        let mut names = vec![
            found(0..2, Person),
            found(5..8, Org),
            found(10..14, Org),
            found(16..20, Org),
            found(22..26, Org),
        ];
        // Putin is the document's person; John a given name; Blu Bar and Grill has no person
        // in it; the Carnegie Center makes organisation names.
        assert_eq!(split_joined_people(&d, &mut names), 2);
        assert_eq!(
            names,
            vec![
                found(0..2, Person),
                found(5..6, Person),
                found(7..8, Person),
                found(10..11, Person),
                found(12..14, Person),
                found(16..20, Org),
                found(22..26, Org),
            ]
        );
    }

    #[test]
    fn empty_and_out_of_range_inputs() {
        let (d, ranges) = doc(&[]);
        assert_eq!(add_recurring(&d, &ranges, &mut Vec::new()), 0);
        let (d, _) = doc(&["Anna/P spoke ."]);
        let mut names = vec![found(0..9, EntityKind::Person)];
        assert_eq!(add_recurring(&d, &[0..3, 2..99], &mut names), 0);
    }
}
