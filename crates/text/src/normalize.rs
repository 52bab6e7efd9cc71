//! Text normalisation: one newline convention, no control or invisible characters, no runs
//! of blank space, so that later stages can trust what whitespace means.
//!
//! It does not change letters, punctuation or quotation marks: a curly quote stays curly,
//! because the quotation stage reads the difference.

/// Normalise a text:
/// - `\r\n` and lone `\r` become `\n`; vertical tab, form feed, U+2028/U+2029 become `\n`;
/// - tabs, no-break and other Unicode spaces become a plain space; runs of spaces collapse
///   to one; spaces at the start and end of a line are dropped;
/// - zero-width characters, the byte-order mark, soft hyphens and other control characters
///   are removed;
/// - more than one blank line in a row becomes one blank line; leading and trailing blank
///   lines are dropped.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Pending whitespace, written only when a non-space character follows.
    let mut pending_space = false;
    let mut pending_newlines = 0u8;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                pending_newlines = pending_newlines.saturating_add(1);
                pending_space = false;
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                pending_newlines = pending_newlines.saturating_add(1);
                pending_space = false;
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            c if c == ' ' || c == '\t' || (c.is_whitespace() && c != '\n') => {
                if pending_newlines == 0 {
                    pending_space = true;
                }
            }
            c if c.is_control() => {}
            c => {
                if !out.is_empty() {
                    if pending_newlines > 0 {
                        out.push_str(if pending_newlines > 1 { "\n\n" } else { "\n" });
                    } else if pending_space {
                        out.push(' ');
                    }
                }
                pending_newlines = 0;
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn newlines_and_spaces() {
        assert_eq!(normalize("  A\r\nB\rC  \n\n\n\nD\t\u{a0}E  "), "A\nB\nC\n\nD E");
    }

    #[test]
    fn invisible_and_control_characters_go() {
        assert_eq!(normalize("\u{feff}Zero\u{200b}width\u{0}x soft\u{ad}hyphen"), "Zerowidthx softhyphen");
    }

    #[test]
    fn spaces_around_newlines_are_dropped() {
        assert_eq!(normalize("one  \n   two \n \n three"), "one\ntwo\n\nthree");
    }

    #[test]
    fn quotation_marks_are_kept() {
        let text = "“Curly” and \"straight\" and ‘single’";
        assert_eq!(normalize(text), text);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t\r\n "), "");
    }
}
