//! Datelines at the head of a news paragraph: "GAZA CITY, Palestinian Territories:",
//! "WASHINGTON (Reuters) -", "KYIV, Ukraine, March 3 (AP) —", "LONDON —".
//!
//! A dateline is a place name (one to four capitalised words), then optionally a region or
//! country after a comma, a date after a comma, a news agency in brackets, and always a
//! dash, an em or en dash or a colon, followed by the start of a sentence. The sentence
//! splitter makes it a segment of its own, so that the parser sees the clause after it
//! alone. Its tokens stay in the text: the place is a location the recogniser still reads.
//!
//! To keep ordinary sentences whole, a place written in mixed case ("Kyiv") counts only with
//! an agency, a date, or a region and a dash ("Kyiv, Ukraine —"); a place in capitals
//! ("LYON:") counts on its own. A name followed by anything else ("WASHINGTON STATE officials
//! said", "U.S. officials: …") or a dash or colon before a lower-case word ("Hamas — which
//! runs Gaza —") is no dateline. Labels in capitals take the same shape and are split off the
//! same way ("NOTE:", "WHEN:", a transcript's "GOODWYN:", a run-in heading "QUESTIONABLE
//! MEDICAL CLAIMS —"): like a dateline, they are not part of the clause after them. This
//! module does not resolve the place: it only says which tokens are which.

use newsgraph_model::Span;
use std::ops::Range;

/// Most words in the place name or in a region.
const MAX_NAME_WORDS: usize = 4;
/// Most regions after the place ("SPRINGFIELD, Ill., United States").
const MAX_REGIONS: usize = 2;
/// Most tokens inside the agency's brackets ("(Thomson Reuters Foundation)").
const MAX_AGENCY_TOKENS: usize = 5;

/// A dateline found at the start of a run of tokens. Ranges are token indices into the
/// slice given to [`find`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place name ("GAZA CITY").
    pub place: Range<usize>,
    /// Regions or countries after it ("Palestinian Territories"), in order.
    pub regions: Vec<Range<usize>>,
    /// The date ("March 3", "Jan. 5, 2015").
    pub date: Option<Range<usize>>,
    /// The agency, inside its brackets ("Reuters").
    pub agency: Option<Range<usize>>,
    /// The dash or colon that ends the dateline.
    pub separator: usize,
}

impl Dateline {
    /// Number of tokens of the dateline, separator included.
    pub fn len(&self) -> usize {
        self.separator + 1
    }

    /// Always false: a dateline holds at least a place and a separator.
    pub fn is_empty(&self) -> bool {
        false
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Lower-case words that may join the words of a place name ("Rio de Janeiro", "Isle of Man").
const PARTICLES: &[&str] =
    &["de", "da", "do", "dos", "del", "la", "le", "el", "al", "es", "of", "on", "upon"];

/// The dateline at the start of `tokens` (spans into `text`), if there is one and a sentence
/// follows it.
pub fn find(text: &str, tokens: &[Span]) -> Option<Dateline> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let place_end = name_run(text, tokens, 0)?;
    let place = 0..place_end;
    let mut regions = Vec::new();
    let mut date = None;
    let mut agency = None;
    let mut pos = place_end;
    let separator = loop {
        match word(pos) {
            "," => {
                if date.is_none() && agency.is_none() {
                    if let Some(end) = date_run(text, tokens, pos + 1) {
                        date = Some(pos + 1..end);
                        pos = end;
                        continue;
                    }
                    if regions.len() < MAX_REGIONS {
                        if let Some(end) = name_run(text, tokens, pos + 1) {
                            regions.push(pos + 1..end);
                            pos = end;
                            continue;
                        }
                    }
                }
                return None;
            }
            "(" if agency.is_none() => {
                let close =
                    (pos + 2..(pos + 2 + MAX_AGENCY_TOKENS).min(tokens.len())).find(|&j| word(j) == ")")?;
                let inside = pos + 1..close;
                if !inside.clone().all(|j| is_agency_word(word(j))) {
                    return None;
                }
                agency = Some(inside);
                pos = close + 1;
            }
            w if is_separator(tokens, pos, w) => break pos,
            _ => return None,
        }
    };
    let capitals = place.clone().all(|i| is_in_capitals(word(i)))
        && place.clone().map(|i| word(i).chars().filter(|c| c.is_alphabetic()).count()).sum::<usize>() >= 2;
    let dash = word(separator) != ":";
    let strong = capitals || agency.is_some() || date.is_some() || (!regions.is_empty() && dash);
    if !strong || !opens_sentence(word(separator + 1)) {
        return None;
    }
    // A clause must follow: at least two tokens, one with a letter.
    let rest = &tokens[(separator + 1).min(tokens.len())..];
    if rest.len() < 2 || !rest.iter().any(|t| t.text(text).chars().any(char::is_alphabetic)) {
        return None;
    }
    Some(Dateline { place, regions, date, agency, separator })
}

/// End of a run of one to [`MAX_NAME_WORDS`] capitalised words starting at `start`, joined by
/// particles or by hyphens written without spaces ("PORT-AU-PRINCE").
fn name_run(text: &str, tokens: &[Span], start: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    if !is_name_word(word(start)) {
        return None;
    }
    let mut words = 1;
    let mut end = start + 1;
    loop {
        let next = word(end);
        if is_name_word(next) && !is_month_or_day(next) {
            words += 1;
            end += 1;
        } else if (next == "-" && attached(tokens, end)) || PARTICLES.contains(&next) {
            if !is_name_word(word(end + 1)) {
                break;
            }
            end += 2;
            words += 1;
        } else {
            break;
        }
        if words > MAX_NAME_WORDS {
            return None;
        }
    }
    Some(end)
}

/// A date after the comma of a dateline: "March 3", "3 March", "Jan. 5, 2015", "Monday".
fn date_run(text: &str, tokens: &[Span], start: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let first = word(start);
    let end = if WEEKDAYS.contains(&first) {
        start + 1
    } else if (is_month(first) && is_day(word(start + 1))) || (is_day(first) && is_month(word(start + 1))) {
        start + 2
    } else {
        return None;
    };
    if word(end) == "," && is_year(word(end + 1)) {
        return Some(end + 2);
    }
    if is_year(word(end)) {
        return Some(end + 1);
    }
    Some(end)
}

fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.strip_suffix('.').unwrap_or(word))
}

fn is_month_or_day(word: &str) -> bool {
    is_month(word) || WEEKDAYS.contains(&word)
}

fn is_day(word: &str) -> bool {
    word.len() <= 2 && word.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u16>().is_ok_and(|y| (1800..=2200).contains(&y))
}

/// A capitalised word of a name: letters, with inner or final periods and apostrophes
/// ("D.C.", "St.", "N'DJAMENA").
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’'))
}

fn is_in_capitals(word: &str) -> bool {
    !word.chars().any(char::is_lowercase)
}

/// A word inside the agency's brackets: letters, digits, periods or "&" ("AP", "dpa", "AFP").
fn is_agency_word(word: &str) -> bool {
    !word.is_empty()
        && word.chars().any(char::is_alphanumeric)
        && word.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&'))
}

/// True if token `i` touches both its neighbours (a hyphen inside a word).
fn attached(tokens: &[Span], i: usize) -> bool {
    match (i.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(i), tokens.get(i + 1)) {
        (Some(before), Some(this), Some(after)) => before.end == this.start && this.end == after.start,
        _ => false,
    }
}

/// The dash or colon that ends a dateline. A hyphen counts only with a space beside it.
fn is_separator(tokens: &[Span], i: usize, word: &str) -> bool {
    match word {
        "—" | "–" | ":" | "--" | "---" => true,
        "-" => !attached(tokens, i),
        _ => false,
    }
}

/// The first token of a sentence: a capitalised word, a number or an opening quotation mark.
fn opens_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '\'' | '«'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    /// The dateline's text, or `None`.
    fn dateline(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        find(text, &tokens)
            .map(|d| text[tokens[0].start as usize..tokens[d.separator].end as usize].to_string())
    }

    fn parts(text: &str) -> (String, Vec<String>, Option<String>, Option<String>) {
        let tokens = tokenize(text);
        let d = find(text, &tokens).expect("a dateline");
        let show = |r: &Range<usize>| {
            text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize].to_string()
        };
        (
            show(&d.place),
            d.regions.iter().map(show).collect(),
            d.date.as_ref().map(show),
            d.agency.as_ref().map(show),
        )
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            dateline("GAZA CITY, Palestinian Territories: Four children and a man were killed.").as_deref(),
            Some("GAZA CITY, Palestinian Territories:")
        );
        assert_eq!(
            dateline("WASHINGTON (Reuters) - The Senate voted on Monday.").as_deref(),
            Some("WASHINGTON (Reuters) -")
        );
        assert_eq!(
            dateline("KYIV, Ukraine, March 3 (AP) — Russian forces shelled the city.").as_deref(),
            Some("KYIV, Ukraine, March 3 (AP) —")
        );
        assert_eq!(dateline("LONDON — The pound fell.").as_deref(), Some("LONDON —"));
        assert_eq!(dateline("LYON: Interpol has said it will send a team.").as_deref(), Some("LYON:"));
        assert_eq!(
            dateline("NEW DELHI, Jan. 5, 2015 (AFP) -- India said it would talk.").as_deref(),
            Some("NEW DELHI, Jan. 5, 2015 (AFP) --")
        );
        assert_eq!(
            dateline("PORT-AU-PRINCE, Haiti —The president resigned.").as_deref(),
            Some("PORT-AU-PRINCE, Haiti —")
        );
        assert_eq!(
            dateline("BEIJING, 3 March (dpa) - China said no.").as_deref(),
            Some("BEIJING, 3 March (dpa) -")
        );
        assert_eq!(dateline("LONDON—“We will stay,” he said.").as_deref(), Some("LONDON—"));
    }

    #[test]
    fn mixed_case_needs_more_than_a_name() {
        assert_eq!(
            dateline("Kyiv, Ukraine — Russian forces shelled the city.").as_deref(),
            Some("Kyiv, Ukraine —")
        );
        assert_eq!(dateline("Moscow (Reuters) - Russia said no.").as_deref(), Some("Moscow (Reuters) -"));
        assert_eq!(
            dateline("Rio de Janeiro, Brazil — Police raided a favela.").as_deref(),
            Some("Rio de Janeiro, Brazil —")
        );
        // A bare name and a colon or dash: a label or an aside, not a dateline.
        assert_eq!(dateline("Hamas — The group that runs Gaza — said no."), None);
        assert_eq!(dateline("Analysis: Why China will not arm Russia"), None);
        assert_eq!(dateline("Gaza City, Palestinian Territories: Four children died."), None);
    }

    #[test]
    fn parts_are_kept() {
        let (place, regions, date, agency) =
            parts("KYIV, Ukraine, March 3 (AP) — Russian forces shelled it.");
        assert_eq!(place, "KYIV");
        assert_eq!(regions, ["Ukraine"]);
        assert_eq!(date.as_deref(), Some("March 3"));
        assert_eq!(agency.as_deref(), Some("AP"));
        let (place, regions, date, agency) = parts("GAZA CITY, Palestinian Territories: Four died.");
        assert_eq!((place.as_str(), regions.len(), date, agency), ("GAZA CITY", 1, None, None));
        let (place, regions, ..) = parts("SPRINGFIELD, Ill., United States — The mayor quit.");
        assert_eq!(place, "SPRINGFIELD");
        assert_eq!(regions, ["Ill.", "United States"]);
    }

    #[test]
    fn sentences_that_are_not_datelines() {
        for text in [
            "WASHINGTON STATE officials said the fire was contained.",
            "U.S. officials: Russia asked China for weapons.",
            "The minister said: we will not give in.",
            "China said on Monday: “We will not arm Russia.”",
            "Hamas — which runs Gaza — said no.",
            "LONDON",
            "LONDON —",
            "LONDON: 5",
            "Q: What did he say?",
            "Obama, Putin and Xi met in Beijing.",
            "WASHINGTON, which hosts the summit, said no.",
            "Smith (R-Texas) - The senator spoke.",
            "",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
    }
}
