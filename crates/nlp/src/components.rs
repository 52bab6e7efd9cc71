//! The pipeline components: [`Tagger`], [`Lemmatizer`], [`Parser`] and [`Recognizer`] as
//! `newsgraph_model::Component`s that read sentences and tokens (and, after the tagger, tags)
//! from a document and write their layer back, one sentence at a time.
//!
//! Prediction lives in each model's module and never touches a document; this module only
//! moves words in and annotations out, so each model can be tested and batched on its own.
//! The shipped models are compiled into the binary; nothing is read from disk at run time.

use crate::lemma::Lemmatizer;
use crate::name_edges;
use crate::ner::Recognizer;
use crate::parser::Parser;
use crate::recurring;
use crate::tagger::{TagScratch, Tagger};
use crate::wordnet;
use newsgraph_model::{Component, Document, Layer, Mention, MentionKind, Severity, Span};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The shipped model files.
pub mod shipped {
    /// The part-of-speech tagger.
    pub const TAGGER: &[u8] = include_bytes!("../models/tagger.bin");
    /// The dependency parser.
    pub const PARSER: &[u8] = include_bytes!("../models/parser.bin");
    /// The named-entity recogniser.
    pub const NER: &[u8] = include_bytes!("../models/ner.bin");
    /// The lemmatiser's exceptions.
    pub const LEMMAS: &[u8] = include_bytes!("../models/lemmas.bin");
    /// The word-class lexicon derived from WordNet (`scripts/wordnet-lexicon.sh`).
    pub const WORDNET: &[u8] = include_bytes!("../models/wordnet.bin");
}

fn load<T: Clone>(
    cell: &'static OnceLock<Option<T>>,
    bytes: &[u8],
    read: fn(&[u8]) -> Result<T, crate::binary::ModelError>,
) -> Option<T> {
    cell.get_or_init(|| read(bytes).ok()).clone()
}

impl Tagger {
    /// The shipped tagger (trained on UD English EWT). `None` only if the embedded model
    /// file is damaged, which the test suite rules out.
    pub fn load_default() -> Option<Tagger> {
        static CELL: OnceLock<Option<Tagger>> = OnceLock::new();
        load(&CELL, shipped::TAGGER, Tagger::from_bytes)
    }
}

impl wordnet::Lexicon {
    /// The shipped WordNet lexicon, shared. `None` only if the embedded file is damaged,
    /// which the test suite rules out.
    pub fn load_default() -> Option<Arc<wordnet::Lexicon>> {
        static CELL: OnceLock<Option<Arc<wordnet::Lexicon>>> = OnceLock::new();
        CELL.get_or_init(|| wordnet::Lexicon::from_bytes(shipped::WORDNET).ok().map(Arc::new)).clone()
    }
}

impl Parser {
    /// The shipped parser (trained on UD English EWT).
    pub fn load_default() -> Option<Parser> {
        static CELL: OnceLock<Option<Parser>> = OnceLock::new();
        load(&CELL, shipped::PARSER, Parser::from_bytes)
    }
}

impl Recognizer {
    /// The shipped recogniser (trained on Universal NER English EWT).
    pub fn load_default() -> Option<Recognizer> {
        static CELL: OnceLock<Option<Recognizer>> = OnceLock::new();
        load(&CELL, shipped::NER, Recognizer::from_bytes)
    }
}

impl Lemmatizer {
    /// The shipped lemmatiser (exceptions learned from UD English EWT).
    pub fn load_default() -> Option<Lemmatizer> {
        static CELL: OnceLock<Option<Lemmatizer>> = OnceLock::new();
        load(&CELL, shipped::LEMMAS, Lemmatizer::from_bytes)
    }
}

/// The token ranges of the document's sentences, clamped to its tokens. A document with
/// tokens but no sentences is read as one sentence (with a warning).
pub fn sentence_ranges(doc: &mut Document, stage: &str) -> Vec<Range<usize>> {
    let n = doc.tokens.len();
    if doc.sentences.is_empty() {
        if n > 0 {
            doc.diagnose(Severity::Warning, stage, "no sentences: all tokens read as one sentence");
            return std::iter::once(0..n).collect();
        }
        return Vec::new();
    }
    doc.sentences
        .iter()
        .map(|s| {
            let start = (s.tokens.start as usize).min(n);
            start..(s.tokens.end as usize).clamp(start, n)
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn words<'a>(doc: &'a Document, range: &Range<usize>) -> Vec<&'a str> {
    doc.tokens[range.clone()].iter().map(|t| doc.slice(t.span)).collect()
}

impl Component for Tagger {
    fn name(&self) -> &'static str {
        "tagger"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Tags]
    }
    fn annotate(&self, doc: &mut Document) {
        let mut scratch = TagScratch::default();
        let mut classes = Vec::new();
        let sentences = sentence_ranges(doc, self.name());
        for range in &sentences {
            let words = words(doc, range);
            self.predict_classes(&words, &mut scratch, &mut classes);
            for (token, &c) in doc.tokens[range.clone()].iter_mut().zip(&classes) {
                let (upos, tag) = self.class(c);
                token.upos = upos;
                token.tag = tag;
            }
        }
        crate::openers::retag_openers(doc, &sentences);
    }
}

impl Component for Lemmatizer {
    fn name(&self) -> &'static str {
        "lemmatizer"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Tags]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Lemmas]
    }
    fn annotate(&self, doc: &mut Document) {
        let Document { text, tokens, .. } = doc;
        for token in tokens.iter_mut() {
            token.lemma = self.lemma(token.span.text(text), token.tag);
        }
    }
}

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parser"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Tags]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Parse]
    }
    fn annotate(&self, doc: &mut Document) {
        for range in sentence_ranges(doc, self.name()) {
            let words = words(doc, &range);
            let tags: Vec<_> = doc.tokens[range.clone()].iter().map(|t| (t.upos, t.tag)).collect();
            let arcs = self.predict(&words, &tags);
            let base = range.start as u32;
            for (token, (head, rel)) in doc.tokens[range].iter_mut().zip(arcs) {
                token.head = head.map(|h| base + h);
                token.rel = rel;
            }
        }
    }
}

impl Component for Recognizer {
    fn name(&self) -> &'static str {
        "recognizer"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Tags]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Names]
    }
    fn annotate(&self, doc: &mut Document) {
        let mut found = Vec::new();
        let sentences = sentence_ranges(doc, self.name());
        for range in &sentences {
            let words = words(doc, range);
            let upos: Vec<_> = doc.tokens[range.clone()].iter().map(|t| t.upos).collect();
            for name in self.predict(&words, &upos) {
                let tokens = range.start + name.start..range.start + name.end;
                found.push(recurring::Found { tokens, kind: name.kind });
            }
        }
        name_edges::trim_names(doc, &sentences, &mut found);
        recurring::split_joined_people(doc, &mut found);
        recurring::add_recurring(doc, &sentences, &mut found);
        for name in found {
            let first = &doc.tokens[name.tokens.start];
            let last = &doc.tokens[name.tokens.end - 1];
            let span = Span { start: first.span.start, end: last.span.end };
            doc.mentions.push(Mention::new(span, MentionKind::Name, name.kind));
        }
        doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// The four components in pipeline order, with the shipped models: tagger, lemmatiser,
/// parser, recogniser. `None` only if an embedded model file is damaged.
pub fn default_components() -> Option<Vec<Box<dyn Component>>> {
    Some(vec![
        Box::new(Tagger::load_default()?),
        Box::new(Lemmatizer::load_default()?),
        Box::new(Parser::load_default()?),
        Box::new(Recognizer::load_default()?),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{DepRel, EntityKind, Pipeline, Sentence, Tag, Token, Upos};

    /// A document with whitespace tokens and one sentence per line.
    fn doc(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        let mut offset = 0;
        for line in text.split('\n') {
            let first = doc.tokens.len() as u32;
            let mut pos = offset;
            for word in line.split(' ') {
                if !word.is_empty() {
                    doc.tokens.push(Token::new(Span::new(pos, pos + word.len())));
                }
                pos += word.len() + 1;
            }
            let last = doc.tokens.len() as u32;
            if last > first {
                let span = Span {
                    start: doc.tokens[first as usize].span.start,
                    end: doc.tokens[last as usize - 1].span.end,
                };
                doc.sentences.push(Sentence { span, tokens: first..last });
            }
            offset += line.len() + 1;
        }
        doc
    }

    fn pipeline() -> Pipeline {
        let mut components: Vec<Box<dyn Component>> = vec![Box::new(Given)];
        components.extend(default_components().expect("shipped models load"));
        Pipeline::new(components).expect("components are in a workable order")
    }

    /// Stands for the segmenter: says the document already has sentences and tokens.
    struct Given;
    impl Component for Given {
        fn name(&self) -> &'static str {
            "given"
        }
        fn reads(&self) -> &'static [Layer] {
            &[]
        }
        fn writes(&self) -> &'static [Layer] {
            &[Layer::Sentences, Layer::Tokens]
        }
        fn annotate(&self, _: &mut Document) {}
    }

    #[test]
    fn shipped_models_load_and_carry_the_licence() {
        assert!(Tagger::load_default().is_some());
        assert!(Parser::load_default().is_some());
        assert!(Recognizer::load_default().is_some());
        assert!(Lemmatizer::load_default().is_some());
        for bytes in [shipped::TAGGER, shipped::PARSER, shipped::NER, shipped::LEMMAS] {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(600)]).to_string();
            assert!(head.contains("CC BY-SA 4.0"), "model header lacks the licence");
        }
    }

    #[test]
    fn shipped_wordnet_lexicon_loads_carries_its_notice_and_is_used() {
        let lexicon = wordnet::Lexicon::load_default().expect("shipped WordNet lexicon");
        assert!(lexicon.len() > 100_000);
        let head = String::from_utf8_lossy(&shipped::WORDNET[..shipped::WORDNET.len().min(1200)]).to_string();
        assert!(head.contains("Copyright 2006 by Princeton University"), "lexicon header lacks the notice");
        let (low, _) = lexicon.word("teachers");
        assert_ne!(low & wordnet::flag::PLURAL, 0);
        assert_eq!(wordnet::NounKind::of(low), wordnet::NounKind::Person);
        let (_, cap) = lexicon.word("Nairobi");
        assert_eq!(wordnet::NounKind::of(cap), wordnet::NounKind::Location);
        assert_ne!(cap & wordnet::flag::INSTANCE, 0);
        // The shipped tagger and recogniser were trained with it and get it back on loading.
        assert!(Tagger::load_default().is_some_and(|t| t.needs_wordnet()));
        assert!(Recognizer::load_default().is_some_and(|r| r.needs_wordnet()));
    }

    #[test]
    fn a_written_sentence_is_tagged_parsed_and_named() {
        let mut d = doc("The Chinese embassy said that Liu Pengyu met officials in Washington on Tuesday .");
        pipeline().run(&mut d);
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let word = |w: &str| d.tokens.iter().position(|t| d.slice(t.span) == w).expect("word in sentence");
        let said = word("said");
        assert_eq!((d.tokens[said].upos, d.tokens[said].tag), (Upos::Verb, Tag::Vbd));
        assert_eq!(d.tokens[said].lemma, "say");
        assert_eq!(d.tokens[word("officials")].lemma, "official");
        assert_eq!(d.tokens[word("met")].lemma, "meet");
        assert_eq!(d.tokens[word("The")].upos, Upos::Det);
        // "said" is the root and "embassy" its subject.
        assert_eq!(d.tokens[said].head, None);
        assert_eq!(d.tokens[said].rel, DepRel::Root);
        assert_eq!(d.tokens[word("embassy")].head, Some(said as u32));
        assert_eq!(d.tokens[word("embassy")].rel, DepRel::Nsubj);
        assert_eq!(d.tokens[word("met")].head, Some(said as u32));
        let names: Vec<(&str, EntityKind)> = d.mentions.iter().map(|m| (d.slice(m.span), m.label)).collect();
        assert!(names.contains(&("Liu Pengyu", EntityKind::Person)), "{names:?}");
        assert!(names.contains(&("Washington", EntityKind::Gpe)), "{names:?}");
        assert!(names.contains(&("Chinese", EntityKind::Norp)), "{names:?}");
        assert!(d.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn heads_are_document_indices_in_the_second_sentence() {
        let mut d = doc("Prices rose .\nThe minister resigned yesterday .");
        pipeline().run(&mut d);
        let resigned = 5;
        assert_eq!(d.slice(d.tokens[resigned].span), "resigned");
        assert_eq!(d.tokens[resigned].head, None);
        assert_eq!(d.tokens[4].head, Some(resigned as u32)); // minister
        assert_eq!(d.tokens[1].head, None); // rose
        for t in &d.tokens[3..] {
            assert!(t.head.is_none_or(|h| (3..8).contains(&h)));
        }
    }

    fn check_bounded(text: &str) {
        let mut d = doc(text);
        pipeline().run(&mut d);
        assert!(!d.has_errors(), "{:?}", d.diagnostics);
        for s in &d.sentences {
            let roots = d.tokens[s.tokens.start as usize..s.tokens.end as usize]
                .iter()
                .filter(|t| t.head.is_none())
                .count();
            assert_eq!(roots, 1);
        }
        assert!(d.tokens.iter().all(|t| t.upos != Upos::Unknown));
    }

    #[test]
    fn a_ten_thousand_word_sentence() {
        let words: Vec<&str> =
            ["the", "officials", "said", "that", "Washington", "and", "Beijing", ","].repeat(1250);
        check_bounded(&words.join(" "));
    }

    #[test]
    fn one_character_repeated() {
        check_bounded(&format!("{} a aaaa {}", "a".repeat(100_000), "!".repeat(5000)));
        check_bounded(&vec!["x"; 10_000].join(" "));
    }

    #[test]
    fn other_scripts() {
        check_bounded("北京 是 中国 的 首都 。");
        check_bounded("Путин заявил , что Россия готова .");
        check_bounded("قال المتحدث إن الوفد وصل");
        check_bounded("Xi said 北京 and Москва agreed 🙂 ok");
    }

    #[test]
    fn documents_without_sentences_or_with_bad_ranges() {
        let mut d = doc("Hello world");
        d.sentences.clear();
        Tagger::load_default().expect("tagger").annotate(&mut d);
        assert_eq!(d.diagnostics.len(), 1);
        assert!(d.tokens.iter().all(|t| t.upos != Upos::Unknown));
        let mut d = doc("Hello world");
        d.sentences[0].tokens = 1..99;
        pipeline().run(&mut d);
        assert!(!d.has_errors());
        assert_eq!(d.tokens[0].upos, Upos::Unknown); // outside every sentence
        let mut empty = Document::new("e", "");
        pipeline().run(&mut empty);
        assert!(empty.diagnostics.is_empty() && empty.mentions.is_empty());
    }
}
