//! Sentence splitting over the tokens of one paragraph.
//!
//! A paragraph break always ends a sentence (headlines need no final punctuation). Inside a
//! paragraph, a sentence ends at `.`, `!`, `?` or an ellipsis, together with any closing
//! quotation marks and brackets that follow, when the next word does not continue it: a
//! lower-case word continues (“"Why?" he asked.”), a title such as "Gen." or an initial never
//! ends a sentence, and an abbreviation that can ("U.S.", "Inc.") ends one only when the next
//! word is a typical sentence opener or a quotation opens. A dateline at the start of a
//! sentence ("GAZA CITY, Palestinian Territories:", "WASHINGTON (Reuters) -") is a sentence
//! of its own ([`crate::dateline`]).

use crate::abbreviations::{self, AbbreviationKind};
use crate::dateline;
use newsgraph_model::Span;

fn is_closing(token: &str) -> bool {
    matches!(token, "”" | "\"" | "’" | "'" | "»" | "›" | ")" | "]" | "}" | "''")
}

fn is_quote_mark_token(token: &str) -> bool {
    matches!(token, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "„" | "``" | "''")
}

fn is_opening(token: &str) -> bool {
    matches!(token, "“" | "\"" | "‘" | "'" | "«" | "„" | "(" | "[" | "``")
}

enum End {
    /// Ends a sentence unless the next word is lower case.
    Strong,
    /// Ends a sentence only before a sentence opener or an opening quotation mark.
    Weak,
    /// Never ends a sentence.
    No,
}

fn ending(token: &str) -> End {
    match token {
        "." | "!" | "?" | "!?" | "?!" => End::Strong,
        "..." | "…" => End::Weak,
        t if t.len() > 1 && t.ends_with('.') => match abbreviations::classify(&t[..t.len() - 1]) {
            Some(AbbreviationKind::Terminal) => End::Weak,
            Some(AbbreviationKind::Title | AbbreviationKind::Calendar | AbbreviationKind::Initial) => End::No,
            None => End::Strong,
        },
        _ => End::No,
    }
}

/// Split the tokens of one paragraph into sentences. Returns token index ranges (relative to
/// `tokens`); every token belongs to exactly one sentence.
pub fn split(text: &str, tokens: &[Span]) -> Vec<std::ops::Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(text);
        let end = ending(word);
        if matches!(end, End::No) {
            i += 1;
            continue;
        }
        // Take further end marks ("?!") and closing quotation marks and brackets along.
        let mut j = i + 1;
        while j < tokens.len() && matches!(tokens[j].text(text), "." | "!" | "?" | "..." | "…") {
            j += 1;
        }
        while j < tokens.len() && is_closing(tokens[j].text(text)) && !opens_here(text, tokens, j) {
            j += 1;
        }
        if j >= tokens.len() {
            break;
        }
        let next = tokens[j].text(text);
        let next_first = next.chars().next().unwrap_or(' ');
        let numbered = word == "."
            && i > 0
            && matches!(tokens[i - 1].text(text), "No" | "no" | "Nos")
            && next_first.is_ascii_digit();
        let breaks = match end {
            End::Strong => {
                // A question or exclamation outside quotation marks ends its sentence even before
                // a lower-case word ("is it still available? is it …"); inside them it may not
                // (“Why?” he asked).
                let bare_question = matches!(word, "?" | "!") && j == i + 1 && !is_quote_mark_token(next);
                (!next_first.is_lowercase() || bare_question)
                    && !matches!(next, "," | ";" | ":" | "%")
                    && !numbered
            }
            End::Weak => {
                abbreviations::is_sentence_opener(next)
                    || (is_opening(next) && opens_here(text, tokens, j))
                    || (next_first.is_uppercase() && word != "..." && word != "…" && j > i + 1)
            }
            End::No => false,
        };
        if breaks {
            sentences.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    split_datelines(text, tokens, sentences)
}

/// Cut a dateline off the front of each sentence that starts with one.
fn split_datelines(
    text: &str,
    tokens: &[Span],
    sentences: Vec<std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    for range in sentences {
        match dateline::find(text, &tokens[range.clone()]) {
            Some(d) if d.len() < range.len() => {
                let cut = range.start + d.len();
                out.push(range.start..cut);
                out.push(cut..range.end);
            }
            _ => out.push(range),
        }
    }
    out
}

/// True if the quotation mark at `j` is preceded by a space (so it opens rather than closes).
fn opens_here(text: &str, tokens: &[Span], j: usize) -> bool {
    let mark = tokens[j].text(text);
    if matches!(mark, "“" | "‘" | "«" | "„" | "(" | "[") {
        return true;
    }
    if !matches!(mark, "\"" | "'") {
        return false;
    }
    let before = tokens[j].start as usize;
    let after = tokens[j].end as usize;
    let space_before = before == 0 || text[..before].ends_with(char::is_whitespace);
    let space_after = text[after..].starts_with(char::is_whitespace) || after >= text.len();
    space_before && !space_after
}

#[cfg(test)]
mod tests {
    use super::split;
    use crate::tokenize::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text);
        let sentences: Vec<&str> = split(text, &tokens)
            .into_iter()
            .map(|r| &text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize])
            .collect();
        assert_eq!(sentences, expected, "splitting {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check(
            "China said no. Russia asked! Why? Nobody knows",
            &["China said no.", "Russia asked!", "Why?", "Nobody knows"],
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        check(
            "Gen. Mark Milley met Sen. Lindsey O. Graham in Washington, D.C. on Jan. 5.",
            &["Gen. Mark Milley met Sen. Lindsey O. Graham in Washington, D.C. on Jan. 5."],
        );
        check(
            "U.S. officials spoke. They work for Acme Inc. The firm declined.",
            &["U.S. officials spoke.", "They work for Acme Inc.", "The firm declined."],
        );
        check("He moved to the U.S. Army base.", &["He moved to the U.S. Army base."]);
    }

    #[test]
    fn decimals_and_ellipses() {
        check(
            "Growth was 3.5 percent. Then… it fell... and rose. Done.",
            &["Growth was 3.5 percent.", "Then… it fell... and rose.", "Done."],
        );
    }

    #[test]
    fn quotes_and_brackets_around_ends() {
        check("“We will win.” Then he left.", &["“We will win.”", "Then he left."]);
        check(
            "\"Stop!\" he shouted. (It worked.) Next.",
            &["\"Stop!\" he shouted.", "(It worked.)", "Next."],
        );
        check("“Is it God?” he asked, “or not?”", &["“Is it God?” he asked, “or not?”"]);
        check("is it still available? is it sold?", &["is it still available?", "is it sold?"]);
        check("He said: \"No.\" \"Never.\"", &["He said: \"No.\"", "\"Never.\""]);
        check("Resolution No. 5 passed.", &["Resolution No. 5 passed."]);
    }

    #[test]
    fn datelines_are_sentences_of_their_own() {
        check(
            "GAZA CITY, Palestinian Territories: Four children were killed, medics said.",
            &["GAZA CITY, Palestinian Territories:", "Four children were killed, medics said."],
        );
        check(
            "WASHINGTON (Reuters) - The U.S. Senate voted. It passed.",
            &["WASHINGTON (Reuters) -", "The U.S. Senate voted.", "It passed."],
        );
        check(
            "WASHINGTON STATE officials said the fire was out.",
            &["WASHINGTON STATE officials said the fire was out."],
        );
        check("U.S. officials: Russia asked China.", &["U.S. officials: Russia asked China."]);
        check("He said: No. Then he left.", &["He said: No.", "Then he left."]);
    }

    #[test]
    fn empty_and_junk() {
        assert!(split("", &[]).is_empty());
        check("...", &["..."]);
        check("What?! No!! Yes", &["What?!", "No!!", "Yes"]);
    }
}
