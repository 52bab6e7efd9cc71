//! Paragraphs of a normalised text.
//!
//! A blank line always separates paragraphs. A single line break does too (scraped news puts
//! one paragraph per line), except where the text is hard-wrapped: a line that does not end
//! a sentence followed by a line that starts in lower case is the same paragraph.

use newsgraph_model::Span;

/// Paragraph spans of `text` (which should be normalised: `\n` line breaks, no trailing
/// spaces). Empty lines produce no paragraph.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start: Option<usize> = None;
    let mut line_start = 0;
    let mut prev_line_end = 0;
    let mut blank_before = true;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, prev_line_end));
            }
            blank_before = true;
        } else {
            let lead = line.len() - line.trim_start().len();
            let here = line_start + lead;
            let continues = !blank_before
                && start.is_some()
                && !ends_sentence(&text[..prev_line_end])
                && trimmed.chars().next().is_some_and(char::is_lowercase);
            if !continues {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, prev_line_end));
                }
                start = Some(here);
            }
            prev_line_end = line_start + line.trim_end().len();
            blank_before = false;
        }
        line_start = line_end + 1;
    }
    if let Some(s) = start {
        out.push(Span::new(s, prev_line_end));
    }
    out
}

fn ends_sentence(before: &str) -> bool {
    before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '”' | '"' | '’' | '\'' | ')' | '…'))
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = paragraphs(text).into_iter().map(|s| &text[s.range()]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn blank_lines_and_single_lines() {
        check(
            "Title\n\nFirst para.\nSecond para.\n\n\nThird",
            &["Title", "First para.", "Second para.", "Third"],
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        check(
            "The minister said the plan\nwould be ready soon.\nNext paragraph.",
            &["The minister said the plan\nwould be ready soon.", "Next paragraph."],
        );
    }

    #[test]
    fn headline_lines_stay_apart() {
        check(
            "China Signals Disinterest\nBeijing appears eager.",
            &["China Signals Disinterest", "Beijing appears eager."],
        );
    }

    #[test]
    fn empty() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n").is_empty());
    }
}
