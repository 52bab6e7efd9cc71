//! Tokenisation with byte offsets, following the conventions of the English Web Treebank
//! (which the taggers are trained on): punctuation, quotation marks and brackets are tokens
//! of their own; contractions and possessives split off ("do|n't", "China|’s"); hyphens
//! between letters are tokens ("center|-|north"); numbers, abbreviations ("U.S."), URLs and
//! e-mail addresses stay whole.
//!
//! It works on one region of text at a time and never allocates per token beyond the output
//! vector.

use crate::abbreviations;
use newsgraph_model::Span;

/// Characters split off the front of a word.
fn is_leading(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '"'
            | '\''
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '`'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '*'
            | '•'
            | '·'
            | '<'
            | '>'
            | '|'
            | '~'
    )
}

/// Characters split off the end of a word (the period is handled apart).
fn is_trailing(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '”'
            | '"'
            | '’'
            | '\''
            | '»'
            | '›'
            | '…'
            | '%'
            | '—'
            | '–'
            | '*'
            | '<'
            | '>'
            | '|'
            | '~'
    )
}

/// Characters that are always a token of their own, wherever they occur in a word.
fn is_breaking(c: char) -> bool {
    matches!(c, '—' | '–' | '…' | '“' | '”' | '«' | '»' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | ';')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽')
}

/// Tokenise `text[region]`, appending token spans to `out`.
pub fn tokenize_into(text: &str, region: Span, out: &mut Vec<Span>) {
    let Some(slice) = text.get(region.range()) else { return };
    let base = region.start as usize;
    let mut start = None;
    for (i, c) in slice.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, base + s, base + i, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, base + s, base + slice.len(), out);
    }
}

/// Tokenise a whole text.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

fn first_char(text: &str, a: usize, b: usize) -> Option<char> {
    text.get(a..b)?.chars().next()
}

fn last_char(text: &str, a: usize, b: usize) -> Option<char> {
    text.get(a..b)?.chars().next_back()
}

fn looks_like_url_or_email(word: &str) -> bool {
    let lower_start = |p: &str| word.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    if lower_start("http://") || lower_start("https://") || lower_start("www.") || lower_start("ftp://") {
        return true;
    }
    if let Some(at) = word.find('@') {
        let (user, host) = (&word[..at], &word[at + 1..]);
        return !user.is_empty()
            && host.contains('.')
            && user.chars().all(|c| c.is_alphanumeric() || "._+-".contains(c))
            && host.chars().next().is_some_and(char::is_alphanumeric);
    }
    false
}

/// Split one whitespace-free chunk `text[a..b]` into tokens.
fn split_chunk(text: &str, mut a: usize, mut b: usize, out: &mut Vec<Span>) {
    // Suffix tokens, collected from the end backwards.
    let mut suffix: Vec<Span> = Vec::new();

    if text.get(a..b).is_some_and(looks_like_url_or_email) {
        while let Some(c) = last_char(text, a, b) {
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '”' | '’' | '\'' | '>') {
                let n = c.len_utf8();
                suffix.push(Span::new(b - n, b));
                b -= n;
            } else {
                break;
            }
        }
        if a < b {
            out.push(Span::new(a, b));
        }
        out.extend(suffix.into_iter().rev());
        return;
    }

    // Leading punctuation.
    while let Some(c) = first_char(text, a, b) {
        if a >= b {
            break;
        }
        let n = c.len_utf8();
        let rest = text.get(a + n..b).unwrap_or("");
        if rest.starts_with("..") && c == '.' {
            out.push(Span::new(a, a + 3));
            a += 3;
        } else if c == '-' && rest.starts_with('-') {
            let run = 1 + rest.chars().take_while(|&d| d == '-').count();
            out.push(Span::new(a, a + run));
            a += run;
        } else if (c == '\'' && rest.starts_with('\'')) || (c == '`' && rest.starts_with('`')) {
            // Two apostrophes or backquotes: one double quotation mark ('' and ``).
            out.push(Span::new(a, a + 2));
            a += 2;
        } else if (c == '\'' || c == '’') && starts_with_elided_year(rest) {
            break; // '90s
        } else if is_leading(c)
            || ((is_currency(c) || c == '#') && rest.starts_with(|d: char| d.is_ascii_digit()))
        {
            out.push(Span::new(a, a + n));
            a += n;
        } else {
            break;
        }
    }

    // Trailing punctuation.
    while a < b {
        let Some(c) = last_char(text, a, b) else { break };
        let n = c.len_utf8();
        if c == '.' {
            let word = text.get(a..b).unwrap_or("");
            if word.ends_with("...") {
                suffix.push(Span::new(b - 3, b));
                b -= 3;
                continue;
            }
            let stem = &word[..word.len() - 1];
            if stem.is_empty() {
                suffix.push(Span::new(b - 1, b));
                b -= 1;
                continue;
            }
            if abbreviations::classify(stem).is_some() && !ends_with_trailing(stem) {
                break;
            }
            suffix.push(Span::new(b - 1, b));
            b -= 1;
        } else if c == '-' && text.get(a..b).is_some_and(|w| w.ends_with("--")) {
            let word = text.get(a..b).unwrap_or("");
            let run = word.chars().rev().take_while(|&d| d == '-').count();
            suffix.push(Span::new(b - run, b));
            b -= run;
        } else if c == '\'' && text.get(a..b).is_some_and(|w| w.len() > 2 && w.ends_with("''")) {
            suffix.push(Span::new(b - 2, b));
            b -= 2;
        } else if is_trailing(c) {
            suffix.push(Span::new(b - n, b));
            b -= n;
        } else {
            break;
        }
    }

    if a < b {
        split_word(text, a, b, out);
    }
    out.extend(suffix.into_iter().rev());
}

fn ends_with_trailing(word: &str) -> bool {
    word.chars().next_back().is_some_and(|c| is_trailing(c) && c != '.')
}

fn starts_with_elided_year(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits == 2 && (rest.len() == 2 || rest[2..].starts_with('s'))
}

/// Split the core of a chunk: contractions, inner dashes and ellipses, hyphens between
/// letters, commas between letters.
fn split_word(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let word = &text[a..b];

    // Contractions and possessives at the end of the word.
    if let Some(cut) = contraction_cut(word) {
        if cut > 0 {
            split_inner(text, a, a + cut, out);
            out.push(Span::new(a + cut, b));
            return;
        }
    }
    if word.eq_ignore_ascii_case("cannot") {
        out.push(Span::new(a, a + 3));
        out.push(Span::new(a + 3, b));
        return;
    }
    split_inner(text, a, b, out);
}

/// Byte offset in `word` where a contraction or possessive clitic starts, if any.
fn contraction_cut(word: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| {
        word.len() > suffix.len() && word.is_char_boundary(word.len() - suffix.len()) && {
            let tail = &word[word.len() - suffix.len()..];
            tail.eq_ignore_ascii_case(suffix)
        }
    };
    for neg in ["n't", "n’t"] {
        if lower_ends(neg) {
            return Some(word.len() - neg.len());
        }
    }
    for clitic in ["'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"] {
        if lower_ends(clitic) {
            let cut = word.len() - clitic.len();
            // Require a letter or digit before the apostrophe ("China's", "1990's").
            if word[..cut].chars().next_back().is_some_and(char::is_alphanumeric) {
                return Some(cut);
            }
        }
    }
    None
}

/// Split inside a word at dashes, ellipses, brackets, hyphens between letters, and commas
/// or slashes that are not part of a number.
fn split_inner(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let word = &text[a..b];
    let mut start = a;
    let mut prev: Option<char> = None;
    let mut iter = word.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = a + i;
        let next = iter.peek().map(|&(_, d)| d);
        let breaking = is_breaking(c)
            || (c == '-' && prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic))
            || (c == ','
                && !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|d| d.is_ascii_digit())))
            || (c == '.' && next == Some('.') && word[i..].starts_with("..."))
            || (c == '"');
        if breaking {
            if start < at {
                out.push(Span::new(start, at));
            }
            let len = if c == '.' { 3 } else { c.len_utf8() };
            out.push(Span::new(at, at + len));
            start = at + len;
            if c == '.' {
                iter.next();
                iter.next();
            }
        }
        prev = Some(c);
    }
    if start < b {
        out.push(Span::new(start, b));
    }
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let tokens: Vec<&str> = tokenize(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(tokens, expected, "tokenising {text:?}");
    }

    #[test]
    fn punctuation_and_quotes() {
        check("“Too arrogant,” Hu said.", &["“", "Too", "arrogant", ",", "”", "Hu", "said", "."]);
        check("\"Stop!\" he said.", &["\"", "Stop", "!", "\"", "he", "said", "."]);
        check("(in D.C.)", &["(", "in", "D.C.", ")"]);
    }

    #[test]
    fn contractions_and_possessives() {
        check("I’ve never heard of that.", &["I", "’ve", "never", "heard", "of", "that", "."]);
        check("don't can't China’s officials'", &["do", "n't", "ca", "n't", "China", "’s", "officials", "'"]);
        check("cannot", &["can", "not"]);
    }

    #[test]
    fn numbers_stay_whole() {
        check(
            "$3.5 billion, 1,200 people, 45% in 2019.",
            &["$", "3.5", "billion", ",", "1,200", "people", ",", "45", "%", "in", "2019", "."],
        );
        check("the '90s", &["the", "'90s"]);
        check(
            "''It isn't reform,'' said Mr. Burman.",
            &["''", "It", "is", "n't", "reform", ",", "''", "said", "Mr.", "Burman", "."],
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        check("Gen. Smith of the U.S. Army", &["Gen.", "Smith", "of", "the", "U.S.", "Army"]);
        check("John F. Kennedy", &["John", "F.", "Kennedy"]);
        check("It ended.", &["It", "ended", "."]);
    }

    #[test]
    fn dashes_hyphens_and_ellipses() {
        check("ally – an attempt", &["ally", "–", "an", "attempt"]);
        check("cease-fire—with few", &["cease", "-", "fire", "—", "with", "few"]);
        check("wait... what…", &["wait", "...", "what", "…"]);
        check("2-1 win", &["2-1", "win"]);
    }

    #[test]
    fn urls_and_emails() {
        check("see https://example.com/a-b.html.", &["see", "https://example.com/a-b.html", "."]);
        check("mail jo.doe@example.org,", &["mail", "jo.doe@example.org", ","]);
    }

    #[test]
    fn offsets_are_exact_over_multibyte_text() {
        let text = "Beijing’s “balk” — 北京 déjà-vu";
        for span in tokenize(text) {
            assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
            assert!(!span.is_empty());
        }
        check(text, &["Beijing", "’s", "“", "balk", "”", "—", "北京", "déjà", "-", "vu"]);
    }

    #[test]
    fn junk_never_panics() {
        for text in [
            "",
            "....",
            "''''",
            "’’’s",
            "--",
            "-",
            "n't",
            "'s",
            "$",
            "\u{0}\u{1}",
            "a.b.c.d.e.",
            "@@@.",
            "“”‘’",
        ] {
            let spans = tokenize(text);
            let mut last = 0;
            for s in spans {
                assert!(s.start >= last && s.end > s.start, "{text:?}");
                last = s.end;
            }
        }
    }
}
