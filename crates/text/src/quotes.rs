//! Quotation-mark pairing: which marks open and close quotations, which are apostrophes, and
//! which quotations run on across paragraphs.
//!
//! Curly marks say their direction; straight marks are read from the spaces around them and
//! from what is already open. A single closing mark with no single quotation open is an
//! apostrophe ("officials’ view"). A double quotation still open at the end of a paragraph
//! continues into the next paragraph when that paragraph opens with a quotation mark (the
//! news convention for multi-paragraph quotations); otherwise it is reported as unbalanced.
//! The work is linear in the number of marks: nesting is capped at [`MAX_DEPTH`].

use newsgraph_model::{Diagnostic, QuotedText, Severity, Span};

/// Deepest nesting of open quotations that is tracked.
pub const MAX_DEPTH: usize = 16;

/// Most diagnostics reported per document; the rest are summarised in one.
const MAX_DIAGNOSTICS: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight mark whose direction the context decides.
    Either(Family),
}

fn classify(token: &str) -> Option<Mark> {
    Some(match token {
        "“" | "„" | "‟" | "``" => Mark::Open(Family::Double),
        "”" => Mark::Close(Family::Double),
        // Newspapers that write '' for both marks (the New York Times' wire copy).
        "''" => Mark::Either(Family::Double),
        "‘" | "‚" | "‛" => Mark::Open(Family::Single),
        "’" => Mark::Close(Family::Single),
        "«" | "‹" => Mark::Open(Family::Guillemet),
        "»" | "›" => Mark::Close(Family::Guillemet),
        "\"" => Mark::Either(Family::Double),
        "'" => Mark::Either(Family::Single),
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Open,
    Close,
    Unknown,
}

fn hint(text: &str, span: Span, paragraph: Span) -> Hint {
    let before = text[paragraph.start as usize..span.start as usize].chars().next_back();
    let after = text[span.end as usize..paragraph.end as usize].chars().next();
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let close_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…".contains(c));
    match (open_side(before), close_side(after)) {
        (true, false) => Hint::Open,
        (false, true) => Hint::Close,
        _ => Hint::Unknown,
    }
}

struct Open {
    family: Family,
    mark: Span,
    /// The quotation this one continues (a reopened multi-paragraph quotation).
    continues: Option<u32>,
}

/// Pair the quotation marks among `tokens` (document order) inside `paragraphs`.
///
/// Returns the quotations in order of their opening mark, and diagnostics for marks that
/// could not be paired.
pub fn pair(text: &str, paragraphs: &[Span], tokens: &[Span]) -> (Vec<QuotedText>, Vec<Diagnostic>) {
    let mut quoted: Vec<QuotedText> = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut t = 0;
    // A double quotation left open at the end of the previous paragraph, waiting for a
    // reopening mark.
    let mut carried: Option<u32> = None;
    for (p, &paragraph) in paragraphs.iter().enumerate() {
        let mut stack: Vec<Open> = Vec::new();
        while t < tokens.len() && tokens[t].end <= paragraph.start {
            t += 1;
        }
        let mut first_mark_in_paragraph = true;
        while t < tokens.len() && tokens[t].start < paragraph.end {
            let span = tokens[t];
            t += 1;
            let Some(mark) = classify(span.text(text)) else {
                first_mark_in_paragraph = false;
                continue;
            };
            let at_paragraph_start = span.start == paragraph.start;
            let opening_family =
                |stack: &[Open], family: Family| stack.iter().rposition(|o| o.family == family);
            let resolved = match mark {
                Mark::Either(family) => {
                    let open_index = opening_family(&stack, family);
                    match (hint(text, span, paragraph), open_index) {
                        (Hint::Open, _) => Mark::Open(family),
                        (Hint::Close | Hint::Unknown, Some(_)) => Mark::Close(family),
                        (Hint::Unknown, None) if family == Family::Double => Mark::Open(family),
                        (Hint::Close, None) if family == Family::Double => Mark::Close(family),
                        // A straight single mark with nothing open: an apostrophe.
                        (_, None) => continue,
                    }
                }
                other => other,
            };
            match resolved {
                Mark::Open(family) => {
                    if stack.len() >= MAX_DEPTH {
                        problems.push(
                            Diagnostic::new(
                                Severity::Warning,
                                "quotes",
                                format!("quotation marks nested deeper than {MAX_DEPTH}: mark ignored"),
                            )
                            .at(span),
                        );
                        continue;
                    }
                    let continues =
                        if at_paragraph_start && first_mark_in_paragraph && family != Family::Single {
                            carried.take()
                        } else {
                            None
                        };
                    stack.push(Open { family, mark: span, continues });
                }
                // A closing curly mark typed where an opening one belongs (”Fear. …”).
                Mark::Close(family)
                    if family == Family::Double
                        && opening_family(&stack, family).is_none()
                        && hint(text, span, paragraph) == Hint::Open
                        && carried.is_none() =>
                {
                    stack.push(Open { family, mark: span, continues: None });
                }
                Mark::Close(family) => match opening_family(&stack, family) {
                    Some(i) => {
                        for unclosed in stack.drain(i + 1..) {
                            if unclosed.family != Family::Single {
                                problems.push(
                                    Diagnostic::new(
                                        Severity::Warning,
                                        "quotes",
                                        "quotation mark never closed",
                                    )
                                    .at(unclosed.mark),
                                );
                            }
                        }
                        let Some(open) = stack.pop() else { continue };
                        quoted.push(QuotedText {
                            open: open.mark,
                            close: Some(span),
                            content: Span { start: open.mark.end, end: span.start },
                            depth: stack.len() as u8,
                            continues: open.continues,
                        });
                    }
                    None if family == Family::Single => {} // apostrophe
                    None => {
                        if let Some(previous) = carried.take() {
                            // A continued quotation whose reopening mark was left off.
                            quoted.push(QuotedText {
                                open: Span { start: paragraph.start, end: paragraph.start },
                                close: Some(span),
                                content: Span { start: paragraph.start, end: span.start },
                                depth: 0,
                                continues: Some(previous),
                            });
                        } else {
                            problems.push(
                                Diagnostic::new(
                                    Severity::Warning,
                                    "quotes",
                                    "closing quotation mark with no opening mark",
                                )
                                .at(span),
                            );
                        }
                    }
                },
                Mark::Either(_) => {}
            }
            first_mark_in_paragraph = false;
        }
        // The paragraph ends: what is still open?
        carried = None;
        let next_opens = paragraphs.get(p + 1).is_some_and(|next| paragraph_opens_quotation(text, *next));
        for (depth, open) in stack.into_iter().enumerate() {
            if open.family == Family::Single {
                continue;
            }
            let index = quoted.len() as u32;
            quoted.push(QuotedText {
                open: open.mark,
                close: None,
                content: Span { start: open.mark.end, end: paragraph.end },
                depth: depth as u8,
                continues: open.continues,
            });
            if depth == 0 && next_opens {
                carried = Some(index);
            } else {
                problems.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "quotes",
                        "quotation mark never closed in its paragraph",
                    )
                    .at(open.mark),
                );
            }
        }
    }
    quoted.sort_by_key(|q| (q.open.start, q.depth));
    // Sorting moved the quotations: remap the `continues` links.
    remap_continuations(&mut quoted);
    if problems.len() > MAX_DIAGNOSTICS {
        let more = problems.len() - MAX_DIAGNOSTICS;
        problems.truncate(MAX_DIAGNOSTICS);
        problems.push(Diagnostic::new(
            Severity::Warning,
            "quotes",
            format!("{more} more unpaired quotation marks"),
        ));
    }
    (quoted, problems)
}

/// `continues` links were made with indices from before sorting; they pointed to the
/// quotation that closed last in the previous paragraph. Re-point them by opening mark.
fn remap_continuations(quoted: &mut [QuotedText]) {
    // Before sorting, a link pointed at the unclosed depth-0 quotation of the previous
    // paragraph; after sorting, that is the nearest earlier unclosed depth-0 quotation.
    let mut last_unclosed: Option<u32> = None;
    for (i, q) in quoted.iter_mut().enumerate() {
        if q.continues.is_some() {
            q.continues = last_unclosed;
        }
        if q.close.is_none() && q.depth == 0 {
            last_unclosed = Some(i as u32);
        }
    }
}

fn paragraph_opens_quotation(text: &str, paragraph: Span) -> bool {
    let body = paragraph.text(text);
    body.starts_with(['“', '„', '«'])
        || (body.starts_with('"') && !body[1..].starts_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::paragraphs;
    use crate::tokenize::tokenize;

    fn run(text: &str) -> (Vec<QuotedText>, Vec<Diagnostic>) {
        pair(text, &paragraphs(text), &tokenize(text))
    }

    fn contents(text: &str) -> Vec<(String, u8, bool)> {
        run(text)
            .0
            .iter()
            .map(|q| (text[q.content.range()].to_string(), q.depth, q.close.is_some()))
            .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        let text = "He called it “too arrogant,” and said \"no way\" twice.";
        assert_eq!(contents(text), [("too arrogant,".into(), 0, true), ("no way".into(), 0, true)]);
        assert!(run(text).1.is_empty());
    }

    #[test]
    fn nested_single_inside_double() {
        let text = "“He told me ‘never again’ yesterday,” she said.";
        assert_eq!(
            contents(text),
            [("He told me ‘never again’ yesterday,".into(), 0, true), ("never again".into(), 1, true)]
        );
    }

    #[test]
    fn doubled_apostrophes_and_misturned_marks() {
        let text = "''It isn't reform,'' said Mr. Burman. ”Fear. I am afraid.” ― Edwin Monroy";
        let got: Vec<String> = contents(text).into_iter().map(|c| c.0).collect();
        assert_eq!(got, ["It isn't reform,", "Fear. I am afraid."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "The officials’ view and China’s rock ’n’ roll in the ’90s.";
        assert_eq!(contents(text), []);
        assert!(run(text).1.is_empty());
    }

    #[test]
    fn multi_paragraph_quotation() {
        let text = "“The first part runs on.\n\n“And the second ends here,” Sun says.";
        let (quoted, problems) = run(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(quoted.len(), 2);
        assert_eq!(quoted[0].close, None);
        assert_eq!(&text[quoted[0].content.range()], "The first part runs on.");
        assert_eq!(quoted[1].continues, Some(0));
        assert_eq!(&text[quoted[1].content.range()], "And the second ends here,");
    }

    #[test]
    fn unbalanced_marks_are_reported_not_fatal() {
        let text = "He said ” nothing.\n\n“Never closed here.\n\nPlain paragraph.";
        let (quoted, problems) = run(text);
        assert_eq!(problems.len(), 2);
        assert_eq!(quoted.len(), 1);
        assert_eq!(quoted[0].close, None);
    }

    #[test]
    fn thousands_of_marks_are_linear_and_capped() {
        let text = "“".repeat(5000) + &"\"".repeat(5000) + " x" + &"”".repeat(3000);
        let (_, problems) = run(&text);
        assert!(problems.len() <= MAX_DIAGNOSTICS + 1);
    }
}
