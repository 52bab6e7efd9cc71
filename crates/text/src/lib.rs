//! Text for newsgraph: normalisation, paragraphs, sentences, tokens with byte offsets, and
//! quotation-mark pairing, tuned to news prose. A dateline ("WASHINGTON (Reuters) -") is a
//! sentence of its own.
//!
//! [`Segmenter`] is the pipeline component that does all of it; the modules can also be used
//! one by one.
//!
//! ```
//! use newsgraph_model::{Component, Document};
//! use newsgraph_text::Segmenter;
//!
//! let mut doc = Document::new("d", "“Too arrogant,” Hu said. Gen. Smith of the U.S. Army agreed.");
//! Segmenter.annotate(&mut doc);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.slice(doc.quoted[0].content), "Too arrogant,");
//! ```

mod abbreviations;
pub mod dateline;
pub mod normalize;
pub mod paragraphs;
pub mod quotes;
pub mod sentences;
pub mod tokenize;

use newsgraph_model::{Component, Document, Layer, Sentence, Severity, Span, Token};

/// Normalises the text (when nothing refers to it yet) and writes paragraphs, sentences,
/// tokens and quotation-mark pairs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segmenter"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Text]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Paragraphs, Layer::Sentences, Layer::Tokens, Layer::Quoted]
    }

    fn annotate(&self, doc: &mut Document) {
        segment(doc);
    }
}

/// Run the whole segmentation on a document (see [`Segmenter`]).
pub fn segment(doc: &mut Document) {
    let untouched = doc.tokens.is_empty() && doc.mentions.is_empty() && doc.attributions.is_empty();
    if untouched {
        let clean = normalize::normalize(&doc.text);
        if clean != doc.text {
            doc.text = clean;
        }
    }
    if doc.text.len() >= u32::MAX as usize {
        doc.diagnose(Severity::Error, "segmenter", "text longer than 4 GiB: not analysed");
        return;
    }
    if doc.text.is_empty() {
        doc.diagnose(Severity::Warning, "segmenter", "empty text");
    }
    doc.paragraphs = paragraphs::paragraphs(&doc.text);
    doc.tokens.clear();
    doc.sentences.clear();
    let mut spans: Vec<Span> = Vec::with_capacity(doc.text.len() / 5 + 1);
    for &paragraph in &doc.paragraphs {
        let first = spans.len();
        tokenize::tokenize_into(&doc.text, paragraph, &mut spans);
        for range in sentences::split(&doc.text, &spans[first..]) {
            let (start, end) = (first + range.start, first + range.end);
            doc.sentences.push(Sentence {
                span: Span { start: spans[start].start, end: spans[end - 1].end },
                tokens: start as u32..end as u32,
            });
        }
    }
    doc.tokens = spans.iter().map(|&span| Token::new(span)).collect();
    let (quoted, problems) = quotes::pair(&doc.text, &doc.paragraphs, &spans);
    doc.quoted = quoted;
    doc.diagnostics.extend(problems);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_a_small_article() {
        let mut doc = Document::new(
            "t",
            "China Signals Disinterest\n\n“Moreover, China is not obligated,” Hu said.\n\
             A spokesman for the Chinese Embassy in Washington, D.C., demurred.",
        );
        Segmenter.annotate(&mut doc);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            sentences,
            [
                "China Signals Disinterest",
                "“Moreover, China is not obligated,” Hu said.",
                "A spokesman for the Chinese Embassy in Washington, D.C., demurred.",
            ]
        );
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.quoted.len(), 1);
        assert_eq!(doc.slice(doc.quoted[0].content), "Moreover, China is not obligated,");
        for s in &doc.sentences {
            let tokens = doc.sentence_tokens(s);
            assert_eq!(tokens.first().map(|t| t.span.start), Some(s.span.start));
            assert_eq!(tokens.last().map(|t| t.span.end), Some(s.span.end));
        }
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn empty_text_is_a_diagnostic() {
        let mut doc = Document::new("t", " \n ");
        Segmenter.annotate(&mut doc);
        assert!(doc.tokens.is_empty() && doc.sentences.is_empty());
        assert_eq!(doc.diagnostics.len(), 1);
    }

    #[test]
    fn text_is_normalised_before_spans() {
        let mut doc = Document::new("t", "A\r\nB\u{a0}\u{200b}C");
        Segmenter.annotate(&mut doc);
        assert_eq!(doc.text, "A\nB C");
        assert_eq!(doc.tokens.len(), 3);
    }
}
