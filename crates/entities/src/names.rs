//! Name normalisation: what part of a name mention identifies the entity.
//!
//! "the White House’s" and "White House" are the same key; "Mr. Trump" and "Trump" share the
//! surname; "CIA" is the initials of "Central Intelligence Agency".

/// Honorifics and titles that may precede a person's name but are not part of it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "gen",
    "general",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "secretary",
    "ambassador",
    "adm",
    "admiral",
    "col",
    "colonel",
    "lt",
    "capt",
    "captain",
    "sgt",
    "maj",
    "major",
    "rev",
    "reverend",
    "father",
    "rabbi",
    "imam",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "commissioner",
    "speaker",
    "premier",
    "emir",
    "ayatollah",
    "pastor",
    "bishop",
    "cardinal",
    "sister",
    "brother",
    "st",
    "saint",
    "gens",
    "sens",
    "reps",
    "govs",
    "messrs",
    "madam",
];

/// Words that are not distinctive in an organisation's name.
const ORG_STOPWORDS: &[&str] =
    &["the", "of", "for", "and", "&", "on", "in", "at", "to", "de", "du", "des", "la", "le"];

fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
}

/// The words of a name mention, without a leading article, leading titles (for people) and
/// a trailing possessive.
pub fn name_words(text: &str, person: bool) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches(['’', '\'', ',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    if person {
        while words.len() > 1 && is_title(words[0]) {
            words.remove(0);
        }
        // Generational suffixes are not what people are called by.
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
        {
            words.pop();
        }
    }
    words
}

/// A comparison key: the words lower-cased and joined by one space, with dots removed
/// ("U.S." and "US" share a key).
pub fn key(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
    }
    out
}

/// The initials of an organisation name ("Central Intelligence Agency" → "cia"), skipping
/// words such as "of" and "the". `None` for names of fewer than two words.
pub fn initials(words: &[&str]) -> Option<String> {
    let significant: Vec<&&str> =
        words.iter().filter(|w| !ORG_STOPWORDS.contains(&w.to_lowercase().as_str())).collect();
    if significant.len() < 2 {
        return None;
    }
    Some(significant.iter().filter_map(|w| w.chars().next()).flat_map(char::to_lowercase).collect())
}

/// True if `word` looks like an acronym ("CIA", "U.N.", "NATO").
pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Alternative names of the same country or body, as groups of keys.
const ALIASES: &[&[&str]] = &[
    &["us", "usa", "united states", "united states of america", "america", "the states"],
    &["uk", "united kingdom", "britain", "great britain"],
    &["un", "united nations"],
    &["eu", "european union"],
    &["uae", "united arab emirates"],
    &["ussr", "soviet union"],
    &["prc", "people’s republic of china", "people's republic of china"],
    &["drc", "democratic republic of the congo", "dr congo"],
    &["dprk", "north korea"],
    &["rok", "south korea"],
];

/// The other keys that name the same country or body as `key`.
pub fn aliases(key: &str) -> impl Iterator<Item = &'static str> + '_ {
    ALIASES
        .iter()
        .filter(move |group| group.contains(&key))
        .flat_map(|group| group.iter().copied())
        .filter(move |&a| a != key)
}

/// True if two keys name the same country or body by a known alias.
pub fn are_aliases(a: &str, b: &str) -> bool {
    ALIASES.iter().any(|group| group.contains(&a) && group.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_keys() {
        assert_eq!(name_words("the White House’s", false), ["White", "House"]);
        assert_eq!(name_words("Mr. Donald J. Trump Jr.", true), ["Donald", "J.", "Trump"]);
        assert_eq!(name_words("President Xi", true), ["Xi"]);
        assert_eq!(name_words("President", true), ["President"]);
        assert_eq!(key(&["U.S."]), "us");
        assert_eq!(initials(&["Central", "Intelligence", "Agency"]).as_deref(), Some("cia"));
        assert_eq!(initials(&["Department", "of", "Justice"]).as_deref(), Some("dj"));
        assert!(is_acronym("U.N.") && is_acronym("NATO") && !is_acronym("Nato"));
        assert!(are_aliases("us", "united states") && !are_aliases("us", "uk"));
    }
}
