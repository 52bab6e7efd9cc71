//! Abbreviations of English news prose, and what each kind means for a following sentence
//! break.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Precedes a name or number and never ends a sentence: "Gen.", "Sen.", "Dr.", "No.".
    Title,
    /// Can end a sentence: "Inc.", "U.S.", "Jr.", "etc.", "a.m.".
    Terminal,
    /// A month or weekday: usually followed by a number, rarely ends a sentence.
    Calendar,
    /// A single capital letter: an initial in a name ("John F. Kennedy").
    Initial,
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Col",
    "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Cdr", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Cpl",
    "Pvt", "Brig", "Gens", "Atty", "Amb", "Sec", "Secs", "Msgr", "Fr", "Sr", "Sra", "Mme", "Mlle", "Messrs",
    "St", "Ste", "Mt", "Ft", "Nos", "Nr", "Vol", "vol", "pp", "p", "cf", "Fig", "fig", "Art", "art", "Ch",
    "ch", "Sec", "sec", "Ave", "Blvd", "Rd", "Gov't", "ca", "approx", "Approx", "vs", "v", "viz", "Dept",
    "dept", "Univ", "Assn", "Ass'n", "Op", "Ed", "Eds",
];

const TERMINALS: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "LLC", "Plc", "PLC", "Jr", "Sr", "etc", "al", "Esq", "Ph.D",
    "PhD", "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.N", "E.U", "D.C", "N.Y", "L.A", "U.S.A", "U.A.E",
    "ft", "oz", "lb", "lbs", "mi", "km", "yr", "yrs", "mos", "hr", "hrs", "min", "mins", "est", "Est", "Ala",
    "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
];

const CALENDAR: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Classify `word` (without its final period) as an abbreviation, if it is one.
///
/// Besides the lists above, a single letter is an initial, and letters joined by periods
/// ("U.S", "e.g", "i.e", "N.A.T.O") are a dotted abbreviation that can end a sentence.
pub fn classify(word: &str) -> Option<AbbreviationKind> {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return None,
        (Some(c), None) if c.is_alphabetic() => {
            return Some(if c.is_uppercase() { AbbreviationKind::Initial } else { AbbreviationKind::Title })
        }
        _ => {}
    }
    if TITLES.contains(&word) {
        return Some(AbbreviationKind::Title);
    }
    if CALENDAR.contains(&word) {
        return Some(AbbreviationKind::Calendar);
    }
    if TERMINALS.contains(&word) {
        return Some(AbbreviationKind::Terminal);
    }
    if word.contains('.')
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
    {
        return Some(AbbreviationKind::Terminal);
    }
    None
}

/// Words that commonly open a sentence, so that a capitalised one after "Inc." or "U.S."
/// signals a new sentence rather than a name ("U.S. Army").
pub fn is_sentence_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "In",
        "On",
        "At",
        "For",
        "To",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "There",
        "Here",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "If",
        "However",
        "Meanwhile",
        "Still",
        "Now",
        "Then",
        "Officials",
        "Some",
        "Many",
        "Most",
        "Other",
        "Others",
        "According",
        "Also",
        "Last",
        "Earlier",
        "Later",
        "Since",
        "Although",
        "Though",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "No",
        "Not",
        "One",
        "Two",
        "Both",
        "Each",
        "Such",
        "With",
        "Without",
        "By",
        "From",
        "Under",
        "Over",
        "During",
        "Despite",
        "Asked",
        "Indeed",
        "Instead",
        "Moreover",
        "Besides",
        "Further",
        "Furthermore",
    ];
    OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(classify("Gen"), Some(AbbreviationKind::Title));
        assert_eq!(classify("U.S"), Some(AbbreviationKind::Terminal));
        assert_eq!(classify("e.g"), Some(AbbreviationKind::Terminal));
        assert_eq!(classify("Jan"), Some(AbbreviationKind::Calendar));
        assert_eq!(classify("F"), Some(AbbreviationKind::Initial));
        assert_eq!(classify("Inc"), Some(AbbreviationKind::Terminal));
        assert_eq!(classify("said"), None);
        assert_eq!(classify("2019"), None);
        assert_eq!(classify(""), None);
    }
}
