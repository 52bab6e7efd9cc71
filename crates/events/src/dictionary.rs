//! The actor dictionary: countries (names, demonyms, capitals, seats of government),
//! international organisations and known groups, dated leading officials, other places, and
//! role words; and a matcher that finds them in a sentence's words.
//!
//! The built-in dictionary is compiled from the project's tables in `data/`. PETRARCH-format
//! actor and agent dictionaries can be added at run time ([`crate::petrarch`]). The matcher
//! only finds words; turning them into an actor code for a noun phrase is
//! [`crate::actors`]' job.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// What a dictionary entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A country's name ("China", "the United States").
    Country,
    /// A country's adjective or demonym ("Chinese", "Americans").
    Adjective,
    /// A capital or major city standing for the country ("Beijing", "Moscow").
    Capital,
    /// A seat of government standing for the government ("the Kremlin", "the White House").
    Seat,
    /// An organisation or group with its own code ("United Nations", "Hamas").
    Organisation,
    /// A person with a dated role.
    Person {
        /// First day in the role, YYYYMMDD (0 when unknown).
        from: u32,
        /// Day the role ended, YYYYMMDD (`u32::MAX` while current).
        to: u32,
    },
    /// Another place that belongs to a country ("Aleppo", "Alaska").
    Place,
    /// A role word ("minister", "rebels"); its code is one or more role codes.
    Role,
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Country, organisation, person, …
    pub kind: EntryKind,
    /// The actor code (country or organisation code, a person's code in that role), or the role
    /// codes of a role word ("GOV", "GOVMIL"; may be empty for a role that only inherits).
    pub code: String,
    /// The canonical name of what the entry names.
    pub name: String,
}

/// One way of writing an entry: folded words, and whether case matters.
#[derive(Clone, Debug)]
struct Phrase {
    words: Vec<String>,
    /// Written in capitals only (US, UN): matches only words without lower-case letters.
    capitals: bool,
    /// Also an ordinary English word ("Turkey", "Nice"): matches only with a capital initial.
    initial: bool,
    /// For each word, whether the dictionary writes it with a capital (checked for names of
    /// several words: "Islamic State" is not "an Islamic state").
    capitalised: Vec<bool>,
    entry: u32,
}

/// Names that are also ordinary words, matched only when capitalised.
const COMMON_WORDS: &[&str] = &[
    "turkey",
    "china",
    "chad",
    "jordan",
    "guinea",
    "nice",
    "victoria",
    "reading",
    "mobile",
    "male",
    "bath",
    "amnesty",
    "georgia",
    "niger",
    "mali",
    "split",
    "wagner",
    "rt",
    "ap",
    "who",
    "is",
    "sana",
    "fars",
    "nsa",
    "press",
    "state",
    "brussels",
    "union",
    "independent",
    "liberty",
    "providence",
    "concord",
];

/// A dictionary match in a sequence of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The entry (index into [`ActorDictionary::entry`]).
    pub entry: u32,
}

/// Countries, organisations, people, places and roles, with a phrase index.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    entries: Vec<Entry>,
    /// Names, keyed by their first folded word; longest first.
    names: HashMap<String, Vec<Phrase>>,
    /// Role phrases over lemmas, keyed by their first word; longest first.
    roles: HashMap<String, Vec<Phrase>>,
    /// Facts about countries by code (FIPS code, canonical name).
    countries: HashMap<String, CountryFacts>,
}

/// What the dictionary knows of a country beyond its names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryFacts {
    /// Canonical English name.
    pub name: String,
    /// FIPS 10-4 code, as GDELT's geography columns use.
    pub fips: String,
}

/// Fold a word for matching: lower case, no full stops, straight apostrophes.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' => {}
            '’' | '‘' | '`' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Split a dictionary name into words the way the tokeniser splits text: on spaces, with a
/// possessive `'s` and commas as words of their own.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for piece in name.split_whitespace() {
        let mut piece = piece;
        let mut trailing = Vec::new();
        while let Some(p) = piece.strip_suffix(',') {
            trailing.push(",".to_string());
            piece = p;
        }
        let folded = fold(piece);
        if let Some(stem) = folded.strip_suffix("'s").filter(|s| !s.is_empty()) {
            words.push(stem.to_string());
            words.push("'s".to_string());
        } else if !folded.is_empty() {
            words.push(folded);
        }
        words.extend(trailing);
    }
    words
}

fn is_capitals(name: &str) -> bool {
    name.chars().any(|c| c.is_alphabetic())
        && !name.chars().any(|c| c.is_lowercase())
        && name.chars().filter(|c| c.is_alphabetic()).count() <= 5
}

/// Parse a YYYYMMDD date ("" → `default`).
fn parse_date(field: &str, default: u32) -> u32 {
    field.trim().parse::<u32>().unwrap_or(default)
}

impl ActorDictionary {
    /// An empty dictionary.
    pub fn new() -> ActorDictionary {
        ActorDictionary::default()
    }

    /// The dictionary built from the project's tables (built once, shared).
    pub fn builtin() -> Arc<ActorDictionary> {
        static BUILTIN: OnceLock<Arc<ActorDictionary>> = OnceLock::new();
        Arc::clone(BUILTIN.get_or_init(|| {
            let mut d = ActorDictionary::new();
            d.load_countries(include_str!("../data/countries.tsv"));
            d.load_organisations(include_str!("../data/organisations.tsv"));
            d.load_leaders(include_str!("../data/leaders.tsv"));
            d.load_places(include_str!("../data/places.tsv"));
            d.load_roles(include_str!("../data/roles.tsv"));
            Arc::new(d)
        }))
    }

    /// An entry by index.
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the dictionary has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// FIPS code and name of a country code.
    pub fn country(&self, code: &str) -> Option<&CountryFacts> {
        self.countries.get(code)
    }

    /// Add an entry written one or more ways.
    pub fn add(&mut self, kind: EntryKind, code: &str, names: &[&str]) {
        let Some(canonical) = names.iter().find(|n| !n.trim().is_empty()) else { return };
        let entry = self.entries.len() as u32;
        self.entries.push(Entry { kind, code: code.to_string(), name: canonical.trim().to_string() });
        let index = if kind == EntryKind::Role { &mut self.roles } else { &mut self.names };
        for name in names {
            let words = name_words(name);
            let Some(first) = words.first().cloned() else { continue };
            let phrases = index.entry(first).or_default();
            let named = kind != EntryKind::Role;
            let initial = named && words.len() == 1 && COMMON_WORDS.contains(&words[0].as_str());
            let capitalised = if named && words.len() > 1 {
                name.split_whitespace()
                    .flat_map(|w| {
                        let cap = w.chars().next().is_some_and(char::is_uppercase);
                        let n = name_words(w).len();
                        std::iter::repeat_n(cap, n)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            phrases.push(Phrase { words, capitals: named && is_capitals(name), initial, capitalised, entry });
            phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
    }

    fn load_countries(&mut self, table: &str) {
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let field = |i: usize| -> Vec<&str> {
                f.get(i).map(|s| s.split(';').filter(|x| !x.is_empty()).collect()).unwrap_or_default()
            };
            let (Some(code), Some(fips)) = (f.first(), f.get(1)) else { continue };
            let names = field(2);
            if let Some(name) = names.first() {
                self.countries.insert(
                    code.to_string(),
                    CountryFacts { name: name.to_string(), fips: fips.to_string() },
                );
            }
            self.add(EntryKind::Country, code, &names);
            self.add(EntryKind::Adjective, code, &field(3));
            self.add(EntryKind::Capital, code, &field(4));
            self.add(EntryKind::Seat, code, &field(5));
        }
    }

    fn load_organisations(&mut self, table: &str) {
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut f = line.split('\t');
            let (Some(code), Some(names)) = (f.next(), f.next()) else { continue };
            let names: Vec<&str> = names.split(';').collect();
            self.add(EntryKind::Organisation, code, &names);
        }
    }

    fn load_leaders(&mut self, table: &str) {
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(code), Some(from), Some(to), Some(names)) = (f.first(), f.get(1), f.get(2), f.get(3))
            else {
                continue;
            };
            let kind = EntryKind::Person { from: parse_date(from, 0), to: parse_date(to, u32::MAX) };
            let names: Vec<&str> = names.split(';').collect();
            self.add(kind, code, &names);
        }
    }

    fn load_places(&mut self, table: &str) {
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut f = line.split('\t');
            let (Some(code), Some(names)) = (f.next(), f.next()) else { continue };
            let names: Vec<&str> = names.split(';').collect();
            self.add(EntryKind::Place, code, &names);
        }
    }

    fn load_roles(&mut self, table: &str) {
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut f = line.split('\t');
            let Some(phrase) = f.next() else { continue };
            let codes = f.next().unwrap_or("").trim();
            self.add(EntryKind::Role, codes, &[phrase]);
        }
    }

    /// Names (countries, organisations, people, places) in a sequence of words, longest match
    /// first, not overlapping. `words` are the words as written.
    pub fn find_names<S: AsRef<str>>(&self, words: &[S]) -> Vec<Hit> {
        let folded: Vec<String> = words.iter().map(|w| fold(w.as_ref())).collect();
        let case: Vec<Case> = words
            .iter()
            .map(|w| {
                let w = w.as_ref();
                Case {
                    capitals: !w.chars().any(|c| c.is_lowercase()),
                    initial: w.chars().next().is_some_and(char::is_uppercase),
                }
            })
            .collect();
        scan(&self.names, &folded, Some(&case))
    }

    /// Role phrases in a sequence of lemmas (lower case), longest first, not overlapping.
    pub fn find_roles<S: AsRef<str>>(&self, lemmas: &[S]) -> Vec<Hit> {
        let folded: Vec<String> = lemmas.iter().map(|w| fold(w.as_ref())).collect();
        scan(&self.roles, &folded, None)
    }

    /// The one entry a whole name matches, if any ("Xi Jinping", "the Kremlin").
    pub fn lookup_name(&self, name: &str) -> Vec<u32> {
        let words = name_words(name);
        let Some(first) = words.first() else { return Vec::new() };
        let caps = is_capitals(name);
        self.names
            .get(first)
            .map(|phrases| {
                phrases
                    .iter()
                    .filter(|p| p.words == words && (!p.capitals || caps))
                    .map(|p| p.entry)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The role codes of a single word or phrase in dictionary form, if it is a role.
    pub fn role(&self, lemma: &str) -> Option<&str> {
        let words = name_words(lemma);
        let first = words.first()?;
        self.roles
            .get(first)?
            .iter()
            .find(|p| p.words == words)
            .map(|p| self.entries[p.entry as usize].code.as_str())
    }

    /// All entries a phrase starting at `start` matches with exactly these words, for
    /// entries that share a name (a person in several roles).
    pub fn alternatives(&self, hit: Hit, words: &[impl AsRef<str>]) -> Vec<u32> {
        let folded: Vec<String> = words[hit.start..hit.end].iter().map(|w| fold(w.as_ref())).collect();
        let Some(first) = folded.first() else { return Vec::new() };
        self.names
            .get(first)
            .map(|phrases| phrases.iter().filter(|p| p.words == folded).map(|p| p.entry).collect())
            .unwrap_or_default()
    }
}

/// How a word is capitalised.
#[derive(Clone, Copy, Debug)]
struct Case {
    capitals: bool,
    initial: bool,
}

fn scan(index: &HashMap<String, Vec<Phrase>>, words: &[String], case: Option<&[Case]>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = None;
        if let Some(phrases) = index.get(&words[i]) {
            for p in phrases {
                let end = i + p.words.len();
                if end > words.len() || words[i..end] != p.words[..] {
                    continue;
                }
                if p.capitals && case.is_some_and(|c| !c[i..end].iter().all(|x| x.capitals)) {
                    continue;
                }
                if p.initial && case.is_some_and(|c| !c[i].initial) {
                    continue;
                }
                if let Some(c) = case {
                    if p.capitalised.len() == p.words.len()
                        && p.capitalised.iter().zip(&c[i..end]).any(|(&dict, text)| dict && !text.initial)
                        && !c[i..end].iter().all(|t| !t.initial)
                    {
                        continue;
                    }
                }
                matched = Some(Hit { start: i, end, entry: p.entry });
                break;
            }
        }
        match matched {
            Some(hit) => {
                hits.push(hit);
                i = hit.end;
            }
            None => i += 1,
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(words: &str) -> Vec<(String, EntryKind, String)> {
        let d = ActorDictionary::builtin();
        let w: Vec<&str> = words.split(' ').collect();
        d.find_names(&w)
            .into_iter()
            .map(|h| (w[h.start..h.end].join(" "), d.entry(h.entry).kind, d.entry(h.entry).code.clone()))
            .collect()
    }

    #[test]
    fn countries_adjectives_capitals_seats() {
        let found = names("the United States and Chinese officials in Beijing met at the Kremlin");
        let codes: Vec<(&str, EntryKind, &str)> =
            found.iter().map(|(w, k, c)| (w.as_str(), *k, c.as_str())).collect();
        assert_eq!(
            codes,
            [
                ("United States", EntryKind::Country, "USA"),
                ("Chinese", EntryKind::Adjective, "CHN"),
                ("Beijing", EntryKind::Capital, "CHN"),
                ("Kremlin", EntryKind::Seat, "RUS"),
            ]
        );
    }

    #[test]
    fn capitals_only_names_need_capitals() {
        assert_eq!(names("the US said")[0].2, "USA");
        assert!(names("told us so").is_empty());
        assert_eq!(names("the U.S. said")[0].2, "USA");
        assert!(names("who knows").is_empty());
        assert!(names("roast turkey").is_empty());
        assert_eq!(names("for an Islamic state in Nigeria")[0].2, "NGA");
        assert_eq!(names("the Islamic State said")[0].2, "IMGMUSISI");
        assert_eq!(names("in Turkey")[0].2, "TUR");
    }

    #[test]
    fn longest_match_wins() {
        let found = names("South Korea and Korea");
        assert_eq!(found[0].2, "KOR");
        assert_eq!(found[0].0, "South Korea");
    }

    #[test]
    fn roles_over_lemmas() {
        let d = ActorDictionary::builtin();
        let hits = d.find_roles(&["national", "security", "adviser"]);
        assert_eq!(hits.len(), 1);
        assert_eq!(d.entry(hits[0].entry).code, "GOV");
        assert_eq!(d.role("rebel"), Some("REB"));
        assert_eq!(d.role("spokesman"), Some(""));
        assert_eq!(d.role("banana"), None);
    }

    #[test]
    fn people_have_dated_roles() {
        let d = ActorDictionary::builtin();
        let all = d.lookup_name("Vladimir Putin");
        assert!(all.len() >= 2);
        assert!(all.iter().all(|&e| d.entry(e).code == "RUSGOV"));
        assert_eq!(d.country("CHN").map(|c| c.fips.as_str()), Some("CH"));
    }
}
