//! One reading per document for capitalised words where capitals say little: a word the
//! same document writes capitalised inside sentences, where the tagger reads it as a proper
//! noun, and never in lower case, is a proper noun when it opens a sentence too ("Xi himself
//! last week called …" after "President Xi Jinping said"); inside sentences, a capitalised
//! word read otherwise becomes a proper noun when the document reads it as one at least twice
//! and more often than not ("the many reasons that Trump/VERB refuses …" beside "Trump/PROPN"
//! elsewhere; "trump" is a verb and a noun in the training data).
//!
//! It only turns verbs, common nouns and adverbs into proper nouns (adjectives such as
//! "Arctic", interjections such as "OK" and file names tagged X are too often right), and only
//! on the document's own evidence; it reads no lexicon.

use newsgraph_model::{Document, Tag, Upos};
use std::collections::HashMap;
use std::ops::Range;

/// Whether a token opens a sentence or a quotation, or follows a colon or a dash: a place
/// where a capital letter is expected whatever the word.
fn opens(doc: &Document, sentence: &Range<usize>, i: usize) -> bool {
    let mut j = i;
    while j > sentence.start {
        let before = doc.slice(doc.tokens[j - 1].span);
        match before {
            "“" | "\"" | "‘" | "'" | "(" | "[" => j -= 1,
            ":" | "—" | "–" | "-" | "--" => return true,
            _ => return false,
        }
    }
    true
}

/// Whether a word begins with a capital letter.
pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Retag the openers of `sentences` (token ranges of `doc`), and the words inside them read
/// against the document's majority, as the rest of the document reads them. Returns how many
/// tokens changed.
pub fn retag_openers(doc: &mut Document, sentences: &[Range<usize>]) -> usize {
    // Capitalised words read as proper nouns inside sentences, with their Penn tag and how
    // often, the openers, and the other readings of capitalised words inside sentences.
    let mut names: HashMap<&str, (Tag, usize)> = HashMap::new();
    let mut openers = Vec::new();
    let mut inside = Vec::new();
    for sentence in sentences {
        for i in sentence.clone() {
            let token = &doc.tokens[i];
            let word = doc.slice(token.span);
            if !capitalised(word) {
                continue;
            }
            if opens(doc, sentence, i) {
                openers.push(i);
            } else if token.upos == Upos::Propn {
                names.entry(word).or_insert((token.tag, 0)).1 += 1;
            } else if matches!(token.upos, Upos::Verb | Upos::Noun | Upos::Adv) {
                inside.push(i);
            }
        }
    }
    // Inside sentences, a word read otherwise only where the document reads it as a proper
    // noun at least twice and more often than not ("a Trump/NOUN presidency" beside three
    // "Trump/PROPN").
    let mut other: HashMap<&str, usize> = HashMap::new();
    for &i in &inside {
        *other.entry(doc.slice(doc.tokens[i].span)).or_default() += 1;
    }
    let inside = inside.into_iter().filter(|&i| {
        let word = doc.slice(doc.tokens[i].span);
        names.get(word).is_some_and(|&(_, n)| n >= 2 && n > other[word])
    });
    // Openers of an open class that the document names inside sentences (few, mostly none).
    let candidates: Vec<(usize, Tag)> = openers
        .into_iter()
        .filter(|&i| matches!(doc.tokens[i].upos, Upos::Verb | Upos::Noun | Upos::Adv))
        .chain(inside)
        .filter_map(|i| names.get(doc.slice(doc.tokens[i].span)).map(|&(tag, _)| (i, tag)))
        .collect();
    if candidates.is_empty() {
        return 0;
    }
    // Of those, the words the document never writes in lower case.
    let lowered = doc.lower_case_words();
    let retag: Vec<(usize, Tag)> = candidates
        .into_iter()
        .filter(|&(i, _)| !lowered.contains(doc.slice(doc.tokens[i].span).to_lowercase().as_str()))
        .collect();
    drop(lowered);
    for &(i, tag) in &retag {
        doc.tokens[i].upos = Upos::Propn;
        doc.tokens[i].tag = tag;
    }
    retag.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Span, Token};

    /// A document of whitespace-separated words, one sentence per line, with the tags given.
    fn doc(lines: &[&[(&str, Upos)]]) -> (Document, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut ranges = Vec::new();
        for line in lines {
            let first = tokens.len();
            for (word, upos) in line.iter() {
                let start = text.len();
                text.push_str(word);
                let tag = if *upos == Upos::Propn { Tag::Nnp } else { Tag::Nn };
                tokens.push(Token {
                    span: Span::new(start, text.len()),
                    upos: *upos,
                    tag,
                    ..Token::default()
                });
                text.push(' ');
            }
            text.push('\n');
            ranges.push(first..tokens.len());
        }
        let mut d = Document::new("d", &text);
        d.tokens = tokens;
        (d, ranges)
    }

    #[test]
    fn a_name_opening_a_sentence_is_read_as_inside_one() {
        use Upos::*;
        let (mut d, ranges) = doc(&[
            &[("President", Propn), ("Xi", Propn), ("Jinping", Propn), ("spoke", Verb), (".", Punct)],
            &[("Xi", Verb), ("himself", Pron), ("called", Verb), (".", Punct)],
            &[("“", Punct), ("Xi", Noun), ("agrees", Verb), (",", Punct), ("”", Punct)],
        ]);
        assert_eq!(retag_openers(&mut d, &ranges), 2);
        assert_eq!((d.tokens[5].upos, d.tokens[5].tag), (Propn, Tag::Nnp));
        assert_eq!(d.tokens[10].upos, Propn);
        assert_eq!(d.tokens[6].upos, Pron); // untouched
    }

    #[test]
    fn words_also_written_in_lower_case_or_only_at_openings_are_left_alone() {
        use Upos::*;
        let (mut d, ranges) = doc(&[
            &[("They", Pron), ("met", Verb), ("Will", Propn), ("Smith", Propn), (".", Punct)],
            &[("Will", Aux), ("it", Pron), ("rain", Verb), ("?", Punct)],
            &[("Rain", Noun), ("will", Aux), ("come", Verb), (".", Punct)],
            &[("Moreover", Adv), ("it", Pron), ("came", Verb), (".", Punct)],
            &[("Smith", Noun), ("said", Verb), ("so", Adv), (".", Punct)],
            &[("Smith", Verb), ("said", Verb), ("it", Pron), ("will", Aux), (".", Punct)],
        ]);
        // "Will" is an auxiliary (closed class) and written "will" too; "Rain" and "Moreover"
        // never appear inside a sentence capitalised; "Smith" does, as a proper noun.
        assert_eq!(retag_openers(&mut d, &ranges), 2);
        assert_eq!(d.tokens[5].upos, Aux);
        assert_eq!(d.tokens[9].upos, Noun);
        assert_eq!(d.tokens[13].upos, Adv);
        assert_eq!(d.tokens[17].upos, Propn);
        assert_eq!(d.tokens[21].upos, Propn);
    }

    #[test]
    fn a_name_read_otherwise_inside_a_sentence_follows_the_documents_majority() {
        use Upos::*;
        let (mut d, ranges) = doc(&[
            &[("Donald", Propn), ("Trump", Propn), ("spoke", Verb), (".", Punct)],
            &[("They", Pron), ("said", Verb), ("Trump", Verb), ("refuses", Verb), (".", Punct)],
            &[("We", Pron), ("met", Verb), ("Trump", Propn), (".", Punct)],
            &[("A", Det), ("Trump", Noun), ("presidency", Noun), (".", Punct)],
            &[("We", Pron), ("met", Verb), ("Coal", Propn), ("men", Noun), (".", Punct)],
            &[("We", Pron), ("sold", Verb), ("Coal", Noun), (".", Punct)],
            &[("Ask", Verb), ("Trump", Propn), (".", Punct)],
        ]);
        // "Trump" is a proper noun three times inside sentences and read otherwise twice;
        // "Coal" is a proper noun once only.
        assert_eq!(retag_openers(&mut d, &ranges), 2);
        assert_eq!((d.tokens[6].upos, d.tokens[6].tag), (Propn, Tag::Nnp));
        assert_eq!(d.tokens[14].upos, Propn);
        assert_eq!(d.tokens[24].upos, Noun);
        let (mut d, ranges) = doc(&[
            &[("Trump", Propn), ("and", Cconj), ("Trump", Propn), ("won", Verb), (".", Punct)],
            &[("They", Pron), ("said", Verb), ("Trump", Verb), ("it", Pron), (".", Punct)],
            &[("Aces", Noun), ("trump", Verb), ("kings", Noun), (".", Punct)],
        ]);
        // Written in lower case too: left alone.
        assert_eq!(retag_openers(&mut d, &ranges), 0);
    }

    #[test]
    fn empty_documents_and_sentences() {
        let (mut d, ranges) = doc(&[]);
        assert_eq!(retag_openers(&mut d, &ranges), 0);
        let (mut d, _) = doc(&[&[("Xi", Upos::Verb)]]);
        assert_eq!(retag_openers(&mut d, &[0..0, 0..1]), 0);
    }
}
