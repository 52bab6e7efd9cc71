//! Repairs to the recogniser's name mentions that speakers depend on: a person's name the
//! recogniser missed as the subject of a reporting verb ("Chinese commentator Hu Xijin
//! nonetheless offered …"), a person's name cut short ("Sun Yun" found as "Yun"),
//! sentence-opening adverbs taken for names ("Moreover"), and a sentence's final period
//! swallowed into a name ("U.S. News.").
//!
//! It runs after the recogniser and before the entity linker, and adds, extends or trims name
//! mentions; it changes a type only where a title says the name is a person's ("President
//! Recep Tayyip Erdogan", "Mr. Clarke").

use crate::cues;
use newsgraph_entities::descriptors::is_role_word;
use newsgraph_model::{
    tokens_in, Component, DepRel, Document, EntityKind, Layer, Mention, MentionKind, Span, Upos,
};

/// The repairs described in the module documentation.
#[derive(Clone, Copy, Debug, Default)]
pub struct MentionRepair;

impl Component for MentionRepair {
    fn name(&self) -> &'static str {
        "mention-repair"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Tags, Layer::Names]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Names]
    }

    fn annotate(&self, doc: &mut Document) {
        repair(doc);
    }
}

/// Capitalised words that open sentences and are never names on their own.
fn is_non_name(word: &str) -> bool {
    matches!(
        word,
        "Moreover"
            | "However"
            | "Meanwhile"
            | "Besides"
            | "Indeed"
            | "Furthermore"
            | "Nonetheless"
            | "Nevertheless"
            | "Still"
            | "Also"
            | "Yet"
            | "Thus"
            | "Hence"
            | "Instead"
            | "Overall"
            | "Finally"
            | "First"
            | "Second"
            | "Third"
            | "Last"
            | "Later"
            | "Earlier"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Now"
            | "Then"
            | "Here"
            | "There"
            | "Why"
            | "What"
            | "How"
            | "When"
            | "Where"
            | "Who"
            | "Yes"
            | "No"
            | "Well"
            | "Oh"
            | "Please"
            | "Thanks"
            | "Share"
            | "Sincerely"
            | "Regards"
            | "Additionally"
            | "Consequently"
            | "Similarly"
            | "Otherwise"
            | "Likewise"
            | "Notably"
            | "Ultimately"
            | "Currently"
            | "Recently"
            | "Previously"
            | "Apparently"
            | "Reportedly"
            | "Historically"
    )
}

/// Titles that only people carry.
fn is_courtesy_title(word: &str) -> bool {
    matches!(word, "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Mx." | "Dr." | "Sir" | "Dame")
}

/// Party labels written before a name ("Democrat Hillary Clinton", "Republican Donald
/// Trump"): what the person is, not part of the name.
fn is_affiliation(word: &str) -> bool {
    matches!(
        word,
        "Democrat"
            | "Republican"
            | "Independent"
            | "Conservative"
            | "Labour"
            | "Liberal"
            | "Tory"
            | "Socialist"
            | "Communist"
            | "GOP"
    )
}

/// Apply the repairs to `doc.mentions` (kept in text order).
pub fn repair(doc: &mut Document) {
    // Drop adverbs taken for names; trim a swallowed final period.
    let text = &doc.text;
    let tokens = &doc.tokens;
    doc.mentions.retain(|m| m.kind != MentionKind::Name || !is_non_name(m.span.text(text)));
    for m in &mut doc.mentions {
        let range = tokens_in(tokens, m.span);
        if range.len() >= 2 && tokens[range.end - 1].span.text(text) == "." {
            m.span.end = tokens[range.end - 2].span.end;
        } else if let Some(stripped) = m.span.text(text).strip_suffix('.') {
            // "News." as one token: the period is the sentence's, unless the word is an
            // abbreviation ("Inc.", "U.S.").
            let last = stripped.rsplit(' ').next().unwrap_or("");
            if last.len() > 3 && !last.contains('.') && last.chars().all(char::is_alphabetic) {
                m.span.end -= 1;
            }
        }
    }

    // A title taken into a name ("Turkish President Recep Tayyip Erdogan"): the name is the
    // person's, the title a descriptor before it. A name after a courtesy title ("Mr.
    // Clarke") is a person's, whatever the recogniser called it.
    for m in &mut doc.mentions {
        if m.kind != MentionKind::Name {
            continue;
        }
        let range = tokens_in(tokens, m.span);
        if range.len() >= 2 && is_courtesy_title(tokens[range.start].span.text(text)) {
            m.label = EntityKind::Person;
            continue;
        }
        if let Some(first) = name_after_title(text, &tokens[range.clone()], m.label == EntityKind::Person) {
            m.span.start = tokens[range.start + first].span.start;
            m.label = EntityKind::Person;
        }
    }

    // A person's name cut short ("Sun Yun, director of …" found as "Yun"): the proper nouns
    // right before it that the parse hangs on its words as parts of one name join it, unless
    // they are titles, party labels, or words the document writes in lower case ("Rival
    // Hillary Clinton" opening a sentence, beside "her rival").
    let lower_words = doc.lower_case_words();
    // Tokens inside some name already (one pass, instead of all names for each word).
    let mut named = vec![false; tokens.len()];
    for m in doc.mentions.iter() {
        named[tokens_in(tokens, m.span)].iter_mut().for_each(|n| *n = true);
    }
    let mut starts: Vec<(usize, u32)> = Vec::new();
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.kind != MentionKind::Name || m.label != EntityKind::Person {
            continue;
        }
        let range = tokens_in(tokens, m.span);
        let mut a = range.start;
        while a > 0 && range.end - a < 4 {
            let before = &tokens[a - 1];
            let word = before.span.text(text);
            // The word before hangs on the name as part of it, or (UD's flat names, headed by
            // their first word) the name's first word hangs on it.
            let first = &tokens[a];
            let hung = (before.head.is_some_and(|h| range.contains(&(h as usize)))
                && matches!(before.rel, DepRel::Compound | DepRel::Flat))
                || (first.head == Some(a as u32 - 1) && first.rel == DepRel::Flat);
            let joins = hung
                && is_name_word(before, word)
                && !is_role_word(word)
                && !is_affiliation(word)
                && !lower_words.contains(word.to_lowercase().as_str())
                && !named[a - 1];
            if !joins {
                break;
            }
            a -= 1;
        }
        if a < range.start {
            starts.push((k, tokens[a].span.start));
        }
    }
    for (k, start) in starts {
        doc.mentions[k].span.start = start;
    }

    // Recover the names of speakers the recogniser missed.
    let mut added: Vec<Mention> = Vec::new();
    for sentence in &doc.sentences {
        let (start, end) =
            (sentence.tokens.start as usize, (sentence.tokens.end as usize).min(doc.tokens.len()));
        for t in start..end {
            let token = &doc.tokens[t];
            if token.upos != Upos::Verb || cues::verb(doc.slice(token.span)).is_none() {
                continue;
            }
            // The subject by the parse, else the proper nouns right before the verb.
            let subject = (start..end).find(|&c| {
                doc.tokens[c].head == Some(t as u32)
                    && matches!(doc.tokens[c].rel, DepRel::Nsubj | DepRel::NsubjPass)
            });
            let Some(head) = subject.or_else(|| (t > start).then(|| t - 1)) else { continue };
            if let Some(span) = proper_name_around(doc, head, start, end) {
                let covered = doc.mentions.iter().chain(added.iter()).any(|m| m.span.overlaps(span));
                if !covered {
                    added.push(Mention::new(span, MentionKind::Name, EntityKind::Person));
                }
            }
        }
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// The index of the first word of the person's name in a name mention's `tokens` that starts
/// with a title, if the rest is a name: capitalised words only, at least two unless the
/// recogniser already typed the whole as a person.
fn name_after_title(text: &str, tokens: &[newsgraph_model::Token], person: bool) -> Option<usize> {
    let words: Vec<&str> = tokens.iter().map(|t| t.span.text(text)).collect();
    let mut title_end = None;
    for i in 0..words.len().saturating_sub(1) {
        let of_office = i >= 2 && words[i - 1] == "of" && is_role_word(words[i - 2]);
        if is_role_word(words[i]) || (of_office && words[i].chars().next().is_some_and(char::is_uppercase)) {
            title_end = Some(i);
        }
    }
    let first = title_end? + 1;
    let rest = &words[first..];
    let name_like = rest.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
            && !is_role_word(w)
    });
    (name_like && (rest.len() >= 2 || (person && !rest.is_empty()))).then_some(first)
}

/// Whether a token can be a word of a person's name: a capitalised proper noun of letters
/// (and hyphens or apostrophes) that is not a sentence adverb.
fn is_name_word(token: &newsgraph_model::Token, word: &str) -> bool {
    token.upos == Upos::Propn
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !is_non_name(word)
}

/// A run of two to four capitalised proper nouns containing token `head`.
fn proper_name_around(doc: &Document, head: usize, start: usize, end: usize) -> Option<Span> {
    let is_name_word = |i: usize| is_name_word(&doc.tokens[i], doc.slice(doc.tokens[i].span));
    if !is_name_word(head) {
        return None;
    }
    let mut a = head;
    while a > start && is_name_word(a - 1) {
        a -= 1;
    }
    let mut b = head + 1;
    while b < end && is_name_word(b) {
        b += 1;
    }
    (2..=4).contains(&(b - a)).then(|| doc.tokens[a].span.cover(doc.tokens[b - 1].span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Sentence, Token};

    fn doc(words: &[(&str, Upos, Option<u32>, DepRel)]) -> Document {
        let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
        let mut doc = Document::new("t", text);
        let mut at = 0;
        for (word, upos, head, rel) in words {
            let mut token = Token::new(Span::new(at, at + word.len()));
            token.upos = *upos;
            token.head = *head;
            token.rel = *rel;
            doc.tokens.push(token);
            at += word.len() + 1;
        }
        doc.sentences.push(Sentence { span: Span::new(0, doc.text.len()), tokens: 0..words.len() as u32 });
        doc
    }

    #[test]
    fn a_missed_speaker_is_recovered_and_an_adverb_dropped() {
        let mut d = doc(&[
            ("Moreover", Upos::Adv, Some(5), DepRel::Advmod),
            ("commentator", Upos::Noun, Some(3), DepRel::Compound),
            ("Hu", Upos::Propn, Some(3), DepRel::Flat),
            ("Xijin", Upos::Propn, Some(5), DepRel::Nsubj),
            ("nonetheless", Upos::Adv, Some(5), DepRel::Advmod),
            ("offered", Upos::Verb, None, DepRel::Root),
            ("that", Upos::Sconj, Some(5), DepRel::Mark),
        ]);
        d.mentions.push(Mention::new(Span::new(0, 8), MentionKind::Name, EntityKind::Person));
        repair(&mut d);
        let names: Vec<&str> = d.mentions.iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(names, ["Hu Xijin"]);
        assert_eq!(d.mentions[0].label, EntityKind::Person);
    }

    #[test]
    fn a_title_inside_a_name_is_left_out_of_it() {
        let words = [
            ("Turkish", Upos::Adj, Some(4), DepRel::Amod),
            ("President", Upos::Propn, Some(4), DepRel::Compound),
            ("Recep", Upos::Propn, Some(4), DepRel::Compound),
            ("Tayyip", Upos::Propn, Some(4), DepRel::Flat),
            ("Erdogan", Upos::Propn, Some(5), DepRel::Nsubj),
            ("spoke", Upos::Verb, None, DepRel::Root),
            ("to", Upos::Adp, Some(7), DepRel::Case),
            ("Secretary", Upos::Propn, Some(5), DepRel::Obl),
            ("of", Upos::Adp, Some(9), DepRel::Case),
            ("State", Upos::Propn, Some(7), DepRel::Nmod),
            ("Ann", Upos::Propn, Some(7), DepRel::Appos),
            ("Lee", Upos::Propn, Some(10), DepRel::Flat),
            ("of", Upos::Adp, Some(14), DepRel::Case),
            ("General", Upos::Propn, Some(14), DepRel::Compound),
            ("Motors", Upos::Propn, Some(11), DepRel::Nmod),
        ];
        let mut d = doc(&words);
        let span = |a: usize, b: usize| d.tokens[a].span.cover(d.tokens[b].span);
        let names =
            [(span(0, 4), EntityKind::Org), (span(7, 11), EntityKind::Org), (span(13, 14), EntityKind::Org)];
        for (s, label) in names {
            d.mentions.push(Mention::new(s, MentionKind::Name, label));
        }
        repair(&mut d);
        let got: Vec<(&str, EntityKind)> = d.mentions.iter().map(|m| (d.slice(m.span), m.label)).collect();
        assert_eq!(
            got,
            [
                ("Recep Tayyip Erdogan", EntityKind::Person),
                ("Ann Lee", EntityKind::Person),
                ("General Motors", EntityKind::Org)
            ]
        );
    }

    #[test]
    fn a_name_cut_short_takes_the_proper_nouns_hung_on_it() {
        let words = [
            ("Sun", Upos::Propn, Some(1), DepRel::Compound),
            ("Yun", Upos::Propn, Some(4), DepRel::Nsubj),
            (",", Upos::Punct, Some(3), DepRel::Punct),
            ("director", Upos::Noun, Some(1), DepRel::Appos),
            ("tells", Upos::Verb, None, DepRel::Root),
            ("President", Upos::Propn, Some(6), DepRel::Compound),
            ("Xi", Upos::Propn, Some(4), DepRel::Obj),
            ("Monday", Upos::Propn, Some(8), DepRel::Compound),
            ("Lee", Upos::Propn, Some(4), DepRel::Obj),
        ];
        let mut d = doc(&words);
        let span = |a: usize, b: usize| d.tokens[a].span.cover(d.tokens[b].span);
        for (s, label) in [
            (span(1, 1), EntityKind::Person),
            (span(6, 6), EntityKind::Person),
            (span(7, 7), EntityKind::Misc),
            (span(8, 8), EntityKind::Person),
        ] {
            d.mentions.push(Mention::new(s, MentionKind::Name, label));
        }
        repair(&mut d);
        let got: Vec<&str> = d.mentions.iter().map(|m| d.slice(m.span)).collect();
        // A title stays out; so does a word that is a mention of its own.
        assert_eq!(got, ["Sun Yun", "Xi", "Monday", "Lee"]);

        // Party labels and words written in lower case elsewhere stay out.
        for first in ["Rival", "Democrat"] {
            let words = [
                (first, Upos::Propn, Some(2), DepRel::Compound),
                ("Hillary", Upos::Propn, Some(2), DepRel::Compound),
                ("Clinton", Upos::Propn, Some(3), DepRel::Nsubj),
                ("mocked", Upos::Verb, None, DepRel::Root),
                ("her", Upos::Pron, Some(5), DepRel::NmodPoss),
                ("rival", Upos::Noun, Some(3), DepRel::Obj),
            ];
            let mut d = doc(&words);
            d.mentions.push(Mention::new(d.tokens[2].span, MentionKind::Name, EntityKind::Person));
            repair(&mut d);
            assert_eq!(d.slice(d.mentions[0].span), "Hillary Clinton");
        }

        // A courtesy title makes a person.
        let words = [
            ("Mr.", Upos::Propn, Some(1), DepRel::Compound),
            ("Clarke", Upos::Propn, Some(2), DepRel::Nsubj),
            ("spoke", Upos::Verb, None, DepRel::Root),
        ];
        let mut d = doc(&words);
        let span = d.tokens[0].span.cover(d.tokens[1].span);
        d.mentions.push(Mention::new(span, MentionKind::Name, EntityKind::Org));
        repair(&mut d);
        assert_eq!(d.mentions[0].label, EntityKind::Person);

        // UD's flat names hang on their first word: "Jinping" on "Xi".
        let words = [
            ("President", Upos::Propn, Some(1), DepRel::Compound),
            ("Xi", Upos::Propn, Some(3), DepRel::Nsubj),
            ("Jinping", Upos::Propn, Some(1), DepRel::Flat),
            ("spoke", Upos::Verb, None, DepRel::Root),
        ];
        let mut d = doc(&words);
        d.mentions.push(Mention::new(d.tokens[2].span, MentionKind::Name, EntityKind::Person));
        repair(&mut d);
        assert_eq!(d.slice(d.mentions[0].span), "Xi Jinping");
    }

    #[test]
    fn a_swallowed_period_is_trimmed() {
        let mut d = doc(&[
            ("tells", Upos::Verb, None, DepRel::Root),
            ("U.S.", Upos::Propn, Some(2), DepRel::Compound),
            ("News", Upos::Propn, Some(0), DepRel::Obj),
            (".", Upos::Punct, Some(0), DepRel::Punct),
        ]);
        d.mentions.push(Mention::new(Span::new(6, 17), MentionKind::Name, EntityKind::Org));
        repair(&mut d);
        assert_eq!(d.slice(d.mentions[0].span), "U.S. News");
    }
}
