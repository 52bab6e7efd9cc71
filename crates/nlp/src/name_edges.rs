//! Where a name starts and ends, by the document's own evidence. Capitals say little in a
//! headline written in title case or at the opening of a sentence, and the recogniser then
//! carries names over words that are not part of them: "Obama Says African-American Museum
//! Will …" came out as one person, and the entity of every "Obama" of the article was named
//! so.
//!
//! In a headline written in title case, a name the rest of the document names only in part
//! is cut to that part ("Obama Says African-American" to "Obama"). Anywhere, a name ends
//! before a verb, auxiliary, pronoun or subordinating conjunction that the same document
//! writes in lower case elsewhere ("Will"); a person's name loses words in front of it that
//! name a party, nationality or group ("Democrat Hillary Clinton") or that the document
//! writes in lower case elsewhere ("Rival Hillary Clinton" beside "her rival"), keeping at
//! least two words, and never a common given name.

use crate::gazetteer::{self, kind};
use crate::recurring::Found;
use newsgraph_model::{Document, EntityKind, Upos};
use std::collections::HashSet;
use std::ops::Range;

/// Trim the names in `found` (document token ranges) as described in the module
/// documentation; names left with no word are dropped. `sentences` are the document's
/// sentences as token ranges. Returns how many names changed.
pub fn trim_names(doc: &Document, sentences: &[Range<usize>], found: &mut Vec<Found>) -> usize {
    let n = doc.tokens.len();
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    let several = found.iter().any(|f| f.tokens.len() > 1 && f.tokens.end <= n);
    if !several {
        return 0;
    }
    let mut changed = trim_headline_names(doc, sentences, found);
    let lower = doc.lower_case_words();
    let written_lower = |i: usize| {
        let w = word(i);
        !w.starts_with(|c: char| c.is_lowercase()) && lower.contains(w.to_lowercase().as_str())
    };
    for f in found.iter_mut() {
        if f.tokens.len() < 2 || f.tokens.end > n {
            continue;
        }
        let (mut start, mut end) = (f.tokens.start, f.tokens.end);
        if let Some(cut) = (start + 1..end).find(|&i| {
            matches!(doc.tokens[i].upos, Upos::Verb | Upos::Aux | Upos::Pron | Upos::Sconj)
                && written_lower(i)
        }) {
            end = cut;
            while end > start
                && matches!(doc.tokens[end - 1].upos, Upos::Cconj | Upos::Adp | Upos::Det | Upos::Punct)
            {
                end -= 1;
            }
        }
        if f.kind == EntityKind::Person {
            while end - start > 2 {
                let kinds = gazetteer::lookup(&[word(start)]);
                let group = kinds & (kind::NATIONALITY | kind::GROUP) != 0;
                if kinds & kind::GIVEN_NAME != 0 || !(group || written_lower(start)) {
                    break;
                }
                start += 1;
            }
        }
        if (start, end) != (f.tokens.start, f.tokens.end) {
            f.tokens = start..end;
            changed += 1;
        }
    }
    found.retain(|f| !f.tokens.is_empty());
    changed
}

/// In a headline written in title case, a name of three words or more that the rest of the
/// document names only in part ("Obama Says African-American" where the article says
/// "Obama") is cut to the longest part it names (by its first words).
fn trim_headline_names(doc: &Document, sentences: &[Range<usize>], found: &mut [Found]) -> usize {
    let n = doc.tokens.len();
    let headlines: Vec<&Range<usize>> =
        sentences.iter().filter(|r| r.end <= n && !r.is_empty() && doc.is_title_case((*r).clone())).collect();
    if headlines.is_empty() {
        return 0;
    }
    let in_headline =
        |f: &Found| headlines.iter().any(|r| r.start <= f.tokens.start && f.tokens.end <= r.end);
    let text =
        |r: &Range<usize>| r.clone().map(|i| doc.slice(doc.tokens[i].span)).collect::<Vec<_>>().join(" ");
    let elsewhere: HashSet<String> =
        found.iter().filter(|f| f.tokens.end <= n && !in_headline(f)).map(|f| text(&f.tokens)).collect();
    let mut changed = 0;
    for f in found.iter_mut() {
        // Two words are as often a full name and its short form elsewhere ("Vangie
        // McGilloway" in a signature, "Vangie" in the letter): only longer names are cut.
        if f.tokens.len() < 3 || f.tokens.end > n || !in_headline(f) || elsewhere.contains(&text(&f.tokens)) {
            continue;
        }
        let start = f.tokens.start;
        if let Some(end) = (start + 1..f.tokens.end).rev().find(|&e| elsewhere.contains(&text(&(start..e)))) {
            f.tokens = start..end;
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Span, Token};

    /// A document of whitespace-separated words with their tags (`word/TAG`, `P` proper noun,
    /// `V` verb, `A` auxiliary, `N` noun).
    fn doc(text: &str) -> Document {
        let mut plain = String::new();
        let mut tokens = Vec::new();
        for item in text.split_whitespace() {
            let (w, t) = item.rsplit_once('/').unwrap_or((item, "N"));
            let upos = match t {
                "P" => Upos::Propn,
                "V" => Upos::Verb,
                "A" => Upos::Aux,
                _ => Upos::Noun,
            };
            let start = plain.len();
            plain.push_str(w);
            tokens.push(Token { span: Span::new(start, plain.len()), upos, ..Token::default() });
            plain.push(' ');
        }
        let mut d = Document::new("d", &plain);
        d.tokens = tokens;
        d
    }

    /// The document as one sentence.
    fn whole(d: &Document) -> Vec<Range<usize>> {
        let all = 0..d.tokens.len();
        std::iter::once(all).collect()
    }

    fn found(tokens: std::ops::Range<usize>, kind: EntityKind) -> Found {
        Found { tokens, kind }
    }

    #[test]
    fn a_headline_name_ends_before_a_verb_the_document_writes_in_lower_case() {
        use EntityKind::*;
        let d = doc("Obama/P Says/V Museum/P Will/A Tell/V . Obama/P says/V it/N will/A .");
        let mut names = vec![found(0..5, Person), found(6..7, Person)];
        assert_eq!(trim_names(&d, &whole(&d), &mut names), 1);
        assert_eq!(names, vec![found(0..1, Person), found(6..7, Person)]);
        // Without the lower-case "says" elsewhere, the name is left as it is.
        let d = doc("Obama/P Says/V Museum/P . Obama/P spoke/V .");
        let mut names = vec![found(0..3, Person)];
        assert_eq!(trim_names(&d, &whole(&d), &mut names), 0);
    }

    #[test]
    fn a_title_case_headline_name_is_cut_to_what_the_article_names() {
        use EntityKind::*;
        let d = doc("Obama/P Says/P African-American/P Museum/P Will/A Open/V Soon/P . Obama/P spoke/V");
        let (headline, body) = (0..8, 8..10);
        let mut names = vec![found(0..3, Person), found(8..9, Person)];
        assert_eq!(trim_names(&d, &[headline.clone(), body.clone()], &mut names), 1);
        assert_eq!(names[0], found(0..1, Person));
        // Not in title case: left alone.
        let d = doc("Obama/P says/V the/N museum/N will/A open/V soon/N . Obama/P spoke/V");
        let mut names = vec![found(0..3, Person), found(8..9, Person)];
        assert_eq!(trim_names(&d, &[headline, body], &mut names), 0);
    }

    #[test]
    fn words_before_a_persons_name_that_are_no_part_of_it_are_dropped() {
        use EntityKind::*;
        let d = doc("Democrat/P Hillary/P Clinton/P and/N Rival/P Ted/P Cruz/P met/V her/N rival/N .");
        let mut names = vec![found(0..3, Person), found(4..7, Person)];
        assert_eq!(trim_names(&d, &whole(&d), &mut names), 2);
        assert_eq!(names, vec![found(1..3, Person), found(5..7, Person)]);
        // At least two words stay; a given name stays; organisations keep their words.
        let d = doc(
            "Democrat/P Clinton/P . Rival/P Mark/P Smith/P Jones/P . Democrat/P Party/P Office/P a/N rival/N",
        );
        let mut names = vec![found(0..2, Person), found(3..7, Person), found(8..11, Org)];
        assert_eq!(trim_names(&d, &whole(&d), &mut names), 1);
        assert_eq!(names[1], found(4..7, Person));
        assert_eq!(names[2], found(8..11, Org));
    }
}
