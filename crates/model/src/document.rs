//! The document: one article's text, metadata and every annotation made on it.
//!
//! The document owns its text; every annotation refers to it by byte [`Span`]s and to other
//! annotations by index, so each fact is stored once.

use crate::{Attribution, Diagnostic, Entity, Event, Mention, Quote, Severity, Span, Token};

/// What is known about an article apart from its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Address the article was read from.
    pub url: Option<String>,
    /// Publication or site name ("Financial Times", "usnews.com").
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2022-03-14` or `2022-03-14T09:30:00Z`).
    pub published: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// ISO 639-1 language code, once detected or declared.
    pub language: Option<String>,
    /// Where the document came from in the input: a file path, a WARC record, a line number.
    pub origin: Option<String>,
    /// Id of an earlier document with the same or nearly the same text.
    pub duplicate_of: Option<String>,
    /// Other fields of the input record, carried through unchanged.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A sentence: its extent and its tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is (bytes).
    pub span: Span,
    /// Its tokens, as indices into `Document::tokens`.
    pub tokens: std::ops::Range<u32>,
}

/// Text between a pair of quotation marks (or from an opening mark to the end of a
/// paragraph, when the writer continues a quotation into the next paragraph).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuotedText {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation runs on past the end of its paragraph.
    pub close: Option<Span>,
    /// The text between the marks.
    pub content: Span,
    /// 0 for an outer quotation, 1 for a quotation inside it, and so on.
    pub depth: u8,
    /// The quotation this one continues (index into `Document::quoted`), for a paragraph
    /// that reopens a quotation left open at the end of the previous one.
    pub continues: Option<u32>,
}

/// One article and all its annotations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Identifier: the input's `id`, or a path, or a content hash.
    pub id: String,
    /// Title, date, outlet, …
    pub meta: Metadata,
    /// The clean text. Fixed once the first span refers to it.
    pub text: String,
    /// Paragraphs (bytes).
    pub paragraphs: Vec<Span>,
    /// Sentences, in order, not overlapping.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order, not overlapping.
    pub tokens: Vec<Token>,
    /// Quotation-mark pairs, in order of their opening mark.
    pub quoted: Vec<QuotedText>,
    /// Mentions of people, organisations, places and groups, in text order.
    pub mentions: Vec<Mention>,
    /// Entities that group mentions.
    pub entities: Vec<Entity>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Attributed claims.
    pub attributions: Vec<Attribution>,
    /// Coded events.
    pub events: Vec<Event>,
    /// Remarks from every stage.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A document with an id and a text, not yet annotated.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }

    /// The text of a span ("" if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: u32) -> &str {
        self.tokens.get(i as usize).map(|t| self.slice(t.span)).unwrap_or("")
    }

    /// Tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        let start = (sentence.tokens.start as usize).min(self.tokens.len());
        let end = (sentence.tokens.end as usize).clamp(start, self.tokens.len());
        &self.tokens[start..end]
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset).map(|_| i)
    }

    /// Index of the first token that ends after byte `offset` (the token at or after it).
    pub fn token_at_or_after(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// Indices of the tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        tokens_in(&self.tokens, span)
    }

    /// Whether tokens `range` read as a headline written in title case: at least four words
    /// of letters, and every one of them that is not a short function word ("of", "the",
    /// "and" …) capitalised. Capitals say little there: every word has one.
    pub fn is_title_case(&self, range: std::ops::Range<usize>) -> bool {
        const SMALL: &[&str] = &[
            "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
            "from", "as", "vs.",
        ];
        let (mut words, mut capitalised) = (0, 0);
        for t in self.tokens.get(range).unwrap_or_default() {
            let w = self.slice(t.span);
            if !w.starts_with(char::is_alphabetic) || SMALL.contains(&w) {
                continue;
            }
            words += 1;
            capitalised += usize::from(w.starts_with(char::is_uppercase));
        }
        words >= 4 && capitalised == words
    }

    /// The words the document writes beginning with a lower-case letter, lower-cased. A
    /// capitalised word whose lower-case form is among them is an ordinary word somewhere in
    /// the text ("Rival" beside "her rival"), not only a name.
    pub fn lower_case_words(&self) -> std::collections::HashSet<std::borrow::Cow<'_, str>> {
        self.tokens
            .iter()
            .map(|t| self.slice(t.span))
            .filter(|w| w.starts_with(char::is_lowercase))
            .map(|w| {
                if w.chars().any(char::is_uppercase) {
                    std::borrow::Cow::Owned(w.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(w)
                }
            })
            .collect()
    }

    /// Record a diagnostic.
    pub fn diagnose(&mut self, severity: Severity, stage: &str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(severity, stage, message));
    }

    /// True if some stage gave up on the document.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Indices of the `tokens` (in text order) that lie inside `span`; for code that holds the
/// tokens apart from the rest of a document it is changing.
pub fn tokens_in(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with_tokens(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    doc.tokens.push(Token::new(Span::new(s, i)));
                    start = None;
                }
                _ => {}
            }
        }
        doc
    }

    #[test]
    fn tokens_in_span_and_at_offset() {
        let doc = doc_with_tokens("Hu said it was arrogant");
        assert_eq!(doc.tokens_in(Span::new(3, 10)), 1..3);
        assert_eq!(doc.token_at_or_after(4), 1);
        assert_eq!(doc.token_text(4), "arrogant");
        assert_eq!(doc.token_text(99), "");
    }

    #[test]
    fn words_written_in_lower_case() {
        let doc = doc_with_tokens("Rival spoke to her rival and eBay");
        let lower = doc.lower_case_words();
        assert!(lower.contains("rival") && lower.contains("ebay") && lower.contains("her"));
        assert!(!lower.contains("Rival") && lower.len() == 6); // spoke, to, her, rival, and, ebay
    }

    #[test]
    fn headlines_in_title_case() {
        let title = doc_with_tokens("Washington Post Hit Piece Exploits Trump Supporter Who Was in the Army");
        assert!(title.is_title_case(0..title.tokens.len()));
        let prose = doc_with_tokens("The Washington Post ran a piece about a Trump supporter");
        let names = doc_with_tokens(
            "No, Sun Yun, director of the China Program at the Stimson Center, tells U.S. News",
        );
        assert!(!names.is_title_case(0..names.tokens.len()));
        assert!(!prose.is_title_case(0..prose.tokens.len()));
        // Too short to tell, and out of range.
        let short = doc_with_tokens("Trump Wins Ohio");
        assert!(!short.is_title_case(0..3));
        assert!(!title.is_title_case(5..99));
    }

    #[test]
    fn sentence_lookup() {
        let mut doc = Document::new("t", "One. Two.");
        doc.sentences.push(Sentence { span: Span::new(0, 4), tokens: 0..0 });
        doc.sentences.push(Sentence { span: Span::new(5, 9), tokens: 0..0 });
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(4), None);
        assert_eq!(doc.sentence_at(6), Some(1));
        assert_eq!(doc.sentence_at(9), None);
    }
}
