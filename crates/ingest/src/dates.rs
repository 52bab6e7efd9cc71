//! Dates as news pages and feeds print them, turned into ISO 8601.
//!
//! Understands ISO 8601 (with or without time and zone), `YYYY/MM/DD`, `DD.MM.YYYY`,
//! `MM/DD/YYYY`, RFC 2822 (`Mon, 14 Mar 2022 09:30:00 GMT`), and written dates with month
//! names in English, German, French, Spanish, Italian, Dutch and Portuguese (`March 14,
//! 2022`, `14. März 2022`, `14 de marzo de 2022`). Years outside 1990–2039 are ignored: a
//! news date is never in them. Relative dates ("2 hours ago") are not resolved.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1990..=2039).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Month number for a month name or abbreviation in one of the supported languages.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let m = match w.as_str() {
        "january" | "jan" | "januar" | "jänner" | "janvier" | "janv" | "enero" | "ene" | "gennaio"
        | "gen" | "januari" | "janeiro" => 1,
        "february" | "feb" | "februar" | "feber" | "février" | "fevrier" | "févr" | "fev" | "febrero"
        | "febbraio" | "februari" | "fevereiro" => 2,
        "march" | "mar" | "märz" | "maerz" | "mrz" | "mars" | "marzo" | "maart" | "mrt" | "março"
        | "marco" => 3,
        "april" | "apr" | "avril" | "avr" | "abril" | "abr" | "aprile" => 4,
        "may" | "mai" | "mayo" | "maggio" | "mag" | "mei" | "maio" => 5,
        "june" | "jun" | "juni" | "juin" | "junio" | "giugno" | "giu" | "junho" => 6,
        "july" | "jul" | "juli" | "juillet" | "juil" | "julio" | "luglio" | "lug" | "julho" => 7,
        "august" | "aug" | "août" | "aout" | "agosto" | "ago" | "augustus" => 8,
        "september" | "sep" | "sept" | "septembre" | "septiembre" | "settembre" | "set" | "setembro" => 9,
        "october" | "oct" | "oktober" | "okt" | "octobre" | "octubre" | "ottobre" | "ott" | "outubro"
        | "out" => 10,
        "november" | "nov" | "novembre" | "noviembre" | "novembro" => 11,
        "december" | "dec" | "dezember" | "dez" | "décembre" | "decembre" | "déc" | "diciembre" | "dic"
        | "dicembre" | "dezembro" => 12,
        _ => return None,
    };
    Some(m)
}

/// Parse a date at the start of `s` in strict ISO 8601 form, keeping time and zone when
/// given: `2022-03-14`, `2022-03-14T09:30:00Z`, `2022-03-14 09:30:00+01:00`.
pub fn parse_iso(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let year = num(0..4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let date = Date::new(year, num(5..7)?, num(8..10)?)?;
    if b.len() > 10 && b[10].is_ascii_digit() {
        return None;
    }
    if !matches!(b.get(10), Some(b'T') | Some(b' ')) {
        return Some(date.iso());
    }
    let (h, m) = (num(11..13), num(14..16));
    let (Some(h), Some(m)) = (h, m) else { return Some(date.iso()) };
    if b.get(13) != Some(&b':') || h > 23 || m > 59 {
        return Some(date.iso());
    }
    let mut i = 16;
    let mut sec = 0;
    if b.get(16) == Some(&b':') {
        match num(17..19) {
            Some(v) if v <= 60 => {
                sec = v;
                i = 19;
            }
            _ => return Some(date.iso()),
        }
    }
    if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    let zone = match b.get(i) {
        Some(b'Z') | Some(b'z') => "Z".to_string(),
        Some(&sign @ (b'+' | b'-')) => {
            let zh = num(i + 1..i + 3);
            let zm = if b.get(i + 3) == Some(&b':') { num(i + 4..i + 6) } else { num(i + 3..i + 5) };
            match (zh, zm) {
                (Some(zh), Some(zm)) if zh <= 14 && zm <= 59 => {
                    if zh == 0 && zm == 0 {
                        "Z".to_string()
                    } else {
                        format!("{}{zh:02}:{zm:02}", sign as char)
                    }
                }
                (Some(zh), None) if zh <= 14 => format!("{}{zh:02}:00", sign as char),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    Some(format!("{}T{h:02}:{m:02}:{sec:02}{zone}", date.iso()))
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(u32, usize),
    Word(String),
    Sep(char),
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = &s[i..end];
            if digits.len() <= 4 {
                out.push(Tok::Num(digits.parse().unwrap_or(0), digits.len()));
            } else {
                out.push(Tok::Sep('#'));
            }
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(s[i..end].to_lowercase()));
        } else if !c.is_whitespace() {
            out.push(Tok::Sep(c));
        }
    }
    out
}

/// Words that may stand between the parts of a written date.
fn filler(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th" | "de" | "del" | "of" | "le" | "er")
}

/// Find the first date written anywhere in `s`; ISO dates keep their time.
pub fn find_date(s: &str) -> Option<String> {
    if let Some(iso) = parse_iso(s) {
        return Some(iso);
    }
    find_calendar_date(s).map(Date::iso)
}

/// How to read an ambiguous `NN/NN/YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SlashOrder {
    /// `03/05/2022` is 3 May (most of the world).
    #[default]
    DayFirst,
    /// `03/05/2022` is 5 March (United States).
    MonthFirst,
}

/// Find the first calendar date written anywhere in `s` (ambiguous slashed dates day first).
pub fn find_calendar_date(s: &str) -> Option<Date> {
    find_calendar_date_with(s, SlashOrder::DayFirst)
}

/// Find the first calendar date written anywhere in `s`.
pub fn find_calendar_date_with(s: &str, slash: SlashOrder) -> Option<Date> {
    let toks = tokens(s);
    // Words other than fillers, with their positions, to match written dates.
    let sig: Vec<(usize, &Tok)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| match t {
            Tok::Word(w) => !filler(w),
            Tok::Sep(c) => !matches!(c, ',' | '.'),
            _ => true,
        })
        .collect();
    for i in 0..toks.len() {
        // Numeric forms: N sep N sep N with the same separator.
        if let (
            Some(Tok::Num(a, la)),
            Some(Tok::Sep(s1)),
            Some(Tok::Num(b, _)),
            Some(Tok::Sep(s2)),
            Some(Tok::Num(c, lc)),
        ) = (toks.get(i), toks.get(i + 1), toks.get(i + 2), toks.get(i + 3), toks.get(i + 4))
        {
            let after_ok = !matches!(toks.get(i + 5), Some(Tok::Sep('.') | Tok::Sep('/') | Tok::Sep('-')))
                || !matches!(toks.get(i + 6), Some(Tok::Num(..)));
            let before_ok =
                i == 0 || !matches!(toks.get(i - 1), Some(Tok::Sep('.') | Tok::Sep('/') | Tok::Sep('-')));
            if s1 == s2 && matches!(s1, '-' | '/' | '.') && after_ok && before_ok {
                let date = if *la == 4 {
                    Date::new(*a, *b, *c)
                } else if *lc == 4 || *lc == 2 {
                    let year = if *lc == 2 { 2000 + c } else { *c };
                    if *s1 == '/' && *a <= 12 && (*b > 12 || slash == SlashOrder::MonthFirst) {
                        Date::new(year, *a, *b)
                    } else {
                        Date::new(year, *b, *a)
                    }
                } else {
                    None
                };
                if date.is_some() {
                    return date;
                }
            }
        }
    }
    for k in 0..sig.len() {
        let get = |o: usize| sig.get(k + o).map(|(_, t)| *t);
        // Day Month Year.
        if let (Some(Tok::Num(d, ld)), Some(Tok::Word(m)), Some(Tok::Num(y, 4))) = (get(0), get(1), get(2)) {
            if *ld <= 2 {
                if let Some(date) = month_number(m).and_then(|m| Date::new(*y, m, *d)) {
                    return Some(date);
                }
            }
        }
        // Month Day Year.
        if let (Some(Tok::Word(m)), Some(Tok::Num(d, ld)), Some(Tok::Num(y, 4))) = (get(0), get(1), get(2)) {
            if *ld <= 2 {
                if let Some(date) = month_number(m).and_then(|m| Date::new(*y, m, *d)) {
                    return Some(date);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2022-03-14").as_deref(), Some("2022-03-14"));
        assert_eq!(parse_iso("2022-03-14T09:30:00Z").as_deref(), Some("2022-03-14T09:30:00Z"));
        assert_eq!(parse_iso("2022-03-14T09:30:00.123+0100").as_deref(), Some("2022-03-14T09:30:00+01:00"));
        assert_eq!(parse_iso("2022-03-14 09:30").as_deref(), Some("2022-03-14T09:30:00"));
        assert_eq!(parse_iso("2022-03-14T09:30:00+00:00").as_deref(), Some("2022-03-14T09:30:00Z"));
        assert_eq!(parse_iso("2022-02-30"), None);
        assert_eq!(parse_iso("20220314"), None);
    }

    #[test]
    fn written_forms() {
        for (s, want) in [
            ("March 14, 2022", "2022-03-14"),
            ("Published: Mon, 14 Mar 2022 09:30:00 GMT", "2022-03-14"),
            ("14. März 2022, 10:15 Uhr", "2022-03-14"),
            ("Veröffentlicht am 14.03.2022", "2022-03-14"),
            ("le 3 février 2021", "2021-02-03"),
            ("14 de marzo de 2022", "2022-03-14"),
            ("Posted on 2019/10/01 by Matthias", "2019-10-01"),
            ("12/25/2020", "2020-12-25"),
            ("25/12/2020", "2020-12-25"),
            ("03/05/2022", "2022-05-03"),
            ("June 1st, 2020", "2020-06-01"),
        ] {
            assert_eq!(find_date(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn slash_order() {
        assert_eq!(
            find_calendar_date_with("03/05/2022", SlashOrder::MonthFirst).map(Date::iso).as_deref(),
            Some("2022-03-05")
        );
        assert_eq!(
            find_calendar_date_with("13/05/2022", SlashOrder::MonthFirst).map(Date::iso).as_deref(),
            Some("2022-05-13")
        );
    }

    #[test]
    fn non_dates() {
        for s in
            ["Call 030 1234 5678", "Version 1.2.3", "In 1848 the revolution", "May the force", "3.5.1987"]
        {
            assert_eq!(find_date(s), None, "{s}");
        }
    }
}
