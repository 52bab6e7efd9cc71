//! One person, several names: across documents, the names a person is quoted under ("Trump",
//! "Donald J. Trump", "Donald Trump") are counted under the one used most.
//!
//! Within a document the entity linker already joins a surname to the full name it follows;
//! an article that only ever says "Trump" leaves "Trump". The store joins such names when it
//! answers, from the speaker totals (people only), so that the rows keep what each text said
//! and the joining follows the corpus as it grows. Two rules, both about people's names:
//!
//! - a full name with middle initials ("Donald J. Trump") is the name without them when that
//!   name is used too; the form used most names the group;
//! - a surname alone ("Trump") is the group whose last name it is, when one group is used at
//!   least twice as often as any other with that last name and at least a fifth as often as
//!   the surname alone (so a "Clinton" quoted 600 times is not given to an "Eric Clinton"
//!   quoted 30 times).
//!
//! It is a guess, and says so: an article quoting "Clinton" about Bill Clinton is counted
//! under Hillary Clinton in a corpus where she is quoted far more. First names alone are not
//! joined.

use std::collections::HashMap;

/// Words after a surname that are not the surname.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// Which names are counted under which.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameFolds {
    /// Lower-cased name → the name it is counted under (only names that fold elsewhere).
    canonical: HashMap<String, String>,
    /// Lower-cased name counted under → every name counted under it, itself first.
    members: HashMap<String, Vec<String>>,
}

/// A name's words without suffixes such as "Jr.", and the suffixes (lower-cased, joined).
fn core_words(name: &str) -> (Vec<&str>, String) {
    let mut words: Vec<&str> = name.split_whitespace().map(|w| w.trim_end_matches(',')).collect();
    let mut suffix = Vec::new();
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.to_lowercase().as_str())) {
        suffix.extend(words.pop().map(str::to_lowercase));
    }
    suffix.reverse();
    (words, suffix.join(" "))
}

fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() > 1
}

impl NameFolds {
    /// Work out the folds from people's names and how often each is quoted.
    pub fn new<'a>(counts: impl IntoIterator<Item = (&'a str, u64)>) -> NameFolds {
        // Case variants are one name (the store compares names without case).
        let mut names: HashMap<String, (String, u64)> = HashMap::new();
        for (name, n) in counts {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let entry = names.entry(name.to_lowercase()).or_insert_with(|| (name.to_string(), 0));
            entry.1 += n;
        }

        // Full names grouped by first and last word when only initials stand between them. A
        // suffix is part of the key: "Donald Trump Jr." is not "Donald Trump".
        let mut groups: HashMap<String, Vec<(&str, u64)>> = HashMap::new();
        let mut surnames: Vec<(&str, u64)> = Vec::new();
        for (display, n) in names.values() {
            let (words, suffix) = core_words(display);
            match words.as_slice() {
                [] => {}
                [single] => {
                    if is_capitalised(single) && suffix.is_empty() {
                        surnames.push((display, *n));
                    }
                }
                [first, middle @ .., last] => {
                    let key = if middle.iter().all(|w| is_initial(w)) {
                        format!("{} {} {suffix}", first.to_lowercase(), last.to_lowercase())
                    } else {
                        format!("{} {suffix}", words.join(" ").to_lowercase())
                    };
                    groups.entry(key).or_default().push((display, *n));
                }
            }
        }

        let mut folds = NameFolds::default();
        // Heads of groups by last word, with the group's total, for the surnames.
        let mut by_last: HashMap<String, Vec<(String, u64)>> = HashMap::new();
        for members in groups.values_mut() {
            // The form used most names the group; ties go to the shorter, then the first in order.
            members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.len().cmp(&b.0.len())).then(a.0.cmp(b.0)));
            let head = members[0].0.to_string();
            let total: u64 = members.iter().map(|m| m.1).sum();
            if let Some(last) = core_words(&head).0.last() {
                by_last.entry(last.to_lowercase()).or_default().push((head.clone(), total));
            }
            for (name, _) in members.iter() {
                folds.join(name, &head);
            }
        }
        for (surname, n) in surnames {
            let Some(candidates) = by_last.get_mut(&surname.to_lowercase()) else { continue };
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let (head, total) = &candidates[0];
            let runner_up = candidates.get(1).map_or(0, |c| c.1);
            if *total >= 2 * runner_up && total.saturating_mul(5) >= n {
                folds.join(surname, head);
            }
        }
        // Names that only stand for themselves need no entry.
        folds.members.retain(|_, names| names.len() > 1);
        folds.canonical.retain(|name, head| *name != head.to_lowercase());
        for names in folds.members.values_mut() {
            names[1..].sort();
        }
        folds
    }

    fn join(&mut self, name: &str, head: &str) {
        let members = self.members.entry(head.to_lowercase()).or_insert_with(|| vec![head.to_string()]);
        if !name.eq_ignore_ascii_case(head) {
            members.push(name.to_string());
        }
        self.canonical.insert(name.to_lowercase(), head.to_string());
    }

    /// The name this one is counted under (itself when it is not folded).
    pub fn canonical(&self, name: &str) -> String {
        let name = name.trim();
        self.canonical.get(&name.to_lowercase()).cloned().unwrap_or_else(|| name.to_string())
    }

    /// Every name counted under the same person as this one, the name counted under first.
    pub fn members(&self, name: &str) -> Vec<String> {
        let head = self.canonical(name);
        self.members.get(&head.to_lowercase()).cloned().unwrap_or_else(|| vec![head])
    }

    /// The other names counted under this one (empty when none).
    pub fn aliases(&self, name: &str) -> Vec<String> {
        let mut members = self.members(name);
        members.remove(0);
        members
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folds(counts: &[(&str, u64)]) -> NameFolds {
        NameFolds::new(counts.iter().copied())
    }

    #[test]
    fn surnames_and_middle_initials_join_the_full_name() {
        let f = folds(&[
            ("Donald Trump", 687),
            ("Trump", 609),
            ("Donald J. Trump", 70),
            ("Eric Trump", 35),
            ("Sanders", 485),
            ("Bernie Sanders", 212),
        ]);
        assert_eq!(f.canonical("Trump"), "Donald Trump");
        assert_eq!(f.canonical("donald j. trump"), "Donald Trump");
        assert_eq!(f.canonical("Eric Trump"), "Eric Trump");
        assert_eq!(f.canonical("Sanders"), "Bernie Sanders");
        assert_eq!(f.members("Trump"), ["Donald Trump", "Donald J. Trump", "Trump"]);
        assert_eq!(f.aliases("Donald Trump"), ["Donald J. Trump", "Trump"]);
        assert_eq!(f.members("Eric Trump"), ["Eric Trump"]);
        assert!(f.aliases("Eric Trump").is_empty());
    }

    #[test]
    fn ambiguous_or_weak_surnames_stay_apart() {
        // Two full names of about the same weight: "Bush" could be either.
        let f = folds(&[("Bush", 98), ("George Bush", 40), ("Jeb Bush", 30)]);
        assert_eq!(f.canonical("Bush"), "Bush");
        // One full name, far rarer than the surname alone: probably another person.
        let f = folds(&[("Clinton", 600), ("Chelsea Clinton", 30)]);
        assert_eq!(f.canonical("Clinton"), "Clinton");
        // One clearly dominant: joined.
        let f = folds(&[("Clinton", 583), ("Hillary Clinton", 540), ("Bill Clinton", 126)]);
        assert_eq!(f.canonical("Clinton"), "Hillary Clinton");
        assert_eq!(f.canonical("Bill Clinton"), "Bill Clinton");
    }

    #[test]
    fn suffixes_initials_and_odd_names() {
        // A suffix names another person; the surname goes to the dominant one.
        let f =
            folds(&[("Donald Trump Jr.", 20), ("Donald Trump", 100), ("Trump", 60), ("Donald J. Trump", 9)]);
        assert_eq!(f.canonical("Donald Trump Jr."), "Donald Trump Jr.");
        assert_eq!(f.canonical("Donald J. Trump"), "Donald Trump");
        assert_eq!(f.canonical("Trump"), "Donald Trump");
        // A full middle name is not an initial: that name stays a group of its own.
        let f = folds(&[("Hillary Rodham Clinton", 5), ("Hillary Clinton", 50)]);
        assert_eq!(f.canonical("Hillary Rodham Clinton"), "Hillary Rodham Clinton");
        let f = folds(&[("", 4), ("  ", 2), ("bob", 10), ("Bob Smith", 50), ("A", 3), ("A Smith", 40)]);
        assert_eq!(f.canonical("bob"), "bob", "lower-case single words are not surnames");
        assert_eq!(f.canonical("A"), "A", "single letters are not surnames");
        assert_eq!(f.canonical("Smith"), "Smith", "names not in the counts are themselves");
        assert_eq!(f.members("nobody"), ["nobody"]);
        let f = folds(&[("John F. Kennedy", 20), ("John Kennedy", 10), ("Kennedy", 12)]);
        assert_eq!(f.canonical("John Kennedy"), "John F. Kennedy");
        assert_eq!(f.canonical("Kennedy"), "John F. Kennedy");
    }
}
