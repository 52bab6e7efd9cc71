//! PETRARCH-format actor and agent dictionaries, loaded at run time into an
//! [`ActorDictionary`] as an option (`--petrarch-dictionaries DIR`).
//!
//! Actor files list a name (words joined by `_`), `+` aliases, and one or more codes in
//! brackets, each optionally dated (`[AFGGOV 20011001-20050420]`, `>050101` from,
//! `<061231` until; six-digit dates are YYMMDD). Agent files list role phrases with
//! `[~CODE]`, `{PLURAL}` forms and `!MACRO! = A, B` substitutions. The verb dictionary
//! (`CAMEO.2.0.txt`) is not read: newsgraph's patterns are its own.

use crate::dictionary::{ActorDictionary, EntryKind};
use std::path::Path;

/// Why a dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// The directory or a file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The directory holds no actor or agent file.
    #[error("no PETRARCH actor or agent dictionary (*.actors.txt, *agents*.txt) in {0}")]
    Empty(String),
}

/// Words of a PETRARCH name ("BARACK_OBAMA_" → "Barack Obama"; short all-capital words such as
/// "UN" stay in capitals, so that they match only capitals).
fn name_of(raw: &str) -> String {
    raw.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 3 && w.chars().all(|c| !c.is_lowercase()) {
                w.to_string()
            } else {
                let lower = w.to_lowercase();
                let mut chars = lower.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A PETRARCH date: YYYYMMDD, or YYMMDD (20th century from 50).
fn date(field: &str) -> Option<u32> {
    let digits: String = field.chars().filter(|c| c.is_ascii_digit()).collect();
    let n: u32 = digits.parse().ok()?;
    match digits.len() {
        8 => Some(n),
        6 => Some(if n / 10000 < 50 { 20_000_000 + n } else { 19_000_000 + n }),
        7 => Some(n * 10), // a digit short in the source: keep the month
        _ => None,
    }
}

/// A bracketed code with its dates: (code, from, to).
fn code_of(bracket: &str) -> Option<(String, u32, u32)> {
    let inner = bracket.trim().trim_start_matches('[').trim_end_matches(']').trim();
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.trim_start_matches('~').to_string();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let (mut from, mut to) = (0, u32::MAX);
    if let Some(range) = parts.next() {
        if let Some(d) = range.strip_prefix('>') {
            from = date(d).unwrap_or(0);
        } else if let Some(d) = range.strip_prefix('<') {
            to = date(d).unwrap_or(u32::MAX);
        } else if let Some((a, b)) = range.split_once('-') {
            from = date(a).unwrap_or(0);
            to = date(b).unwrap_or(u32::MAX);
        }
    }
    Some((code, from, to))
}

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// Add the entries of one actor file; returns how many names were added.
pub fn load_actors(dictionary: &mut ActorDictionary, text: &str) -> usize {
    let mut added = 0;
    let mut names: Vec<String> = Vec::new();
    let mut codes: Vec<(String, u32, u32)> = Vec::new();
    let mut flush =
        |names: &mut Vec<String>, codes: &mut Vec<(String, u32, u32)>, d: &mut ActorDictionary| {
            if !names.is_empty() {
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                for (code, from, to) in codes.iter() {
                    let dated = *from > 0 || *to < u32::MAX;
                    let kind = if dated {
                        EntryKind::Person { from: *from, to: *to }
                    } else if code.len() == 3 && d.country(code).is_some() {
                        EntryKind::Country
                    } else {
                        EntryKind::Organisation
                    };
                    d.add(kind, code, &refs);
                    added += 1;
                }
            }
            names.clear();
            codes.clear();
        };
    for raw in text.lines() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim();
        if raw.starts_with(['\t', ' ']) && trimmed.starts_with('[') {
            // A code line for the current entry.
            codes.extend(code_of(trimmed));
            continue;
        }
        if let Some(alias) = trimmed.strip_prefix('+') {
            let (name, bracket) = split_bracket(alias);
            names.push(name_of(name));
            if let Some(b) = bracket {
                codes.extend(code_of(b));
            }
            continue;
        }
        // A new entry.
        flush(&mut names, &mut codes, dictionary);
        let (name, bracket) = split_bracket(trimmed);
        names.push(name_of(name));
        if let Some(b) = bracket {
            codes.extend(code_of(b));
        }
    }
    flush(&mut names, &mut codes, dictionary);
    added
}

fn split_bracket(s: &str) -> (&str, Option<&str>) {
    match s.find('[') {
        Some(i) => (s[..i].trim(), Some(&s[i..])),
        None => (s.trim(), None),
    }
}

/// Add the role phrases of one agent file; returns how many were added.
pub fn load_agents(dictionary: &mut ActorDictionary, text: &str) -> usize {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut added = 0;
    for raw in text.lines() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            if let Some((name, values)) = line.split_once('=') {
                let values =
                    values.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
                macros.push((name.trim().to_string(), values));
            }
            continue;
        }
        let Some(open) = line.find('[') else { continue };
        let bracket = &line[open..];
        // Only role codes ("[~GOV]"); "[IGO~]" prefixes are not roles.
        if !bracket.trim_start_matches('[').trim_start().starts_with('~') {
            continue;
        }
        let Some((code, _, _)) = code_of(bracket) else { continue };
        let mut phrase = line[..open].to_string();
        let mut plural = None;
        if let Some(b) = phrase.find('{') {
            let inner =
                phrase[b..].trim_start_matches('{').split('}').next().unwrap_or("").trim().to_string();
            if !inner.is_empty() {
                plural = Some(inner);
            }
            phrase.truncate(b);
        }
        let mut phrases = expand(phrase.trim(), &macros);
        if let Some(p) = plural {
            phrases.extend(expand(&p, &macros));
        }
        for p in phrases {
            let words = p.replace('_', " ").to_lowercase();
            let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
            if !words.is_empty() {
                dictionary.add(EntryKind::Role, &code, &[&words]);
                added += 1;
            }
        }
    }
    added
}

fn expand(phrase: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in macros {
        if phrase.contains(name.as_str()) {
            return values
                .iter()
                .flat_map(|v| expand(&phrase.replacen(name.as_str(), v, 1), macros))
                .collect();
        }
    }
    vec![phrase.to_string()]
}

/// The built-in dictionary extended with every PETRARCH actor file (`*.actors.txt`) and agent
/// file (`*agents*.txt`) in a directory.
pub fn load_directory(dir: &Path) -> Result<ActorDictionary, PetrarchError> {
    let io = |path: &Path, source| PetrarchError::Io { path: path.display().to_string(), source };
    let mut dictionary = (*ActorDictionary::builtin()).clone();
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map_err(|e| io(dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut used = 0;
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
        // The PETR.Validate.* files describe fictional countries for PETRARCH's own tests.
        if name.starts_with("petr.validate") {
            continue;
        }
        let is_actors = name.ends_with(".actors.txt");
        let is_agents = name.contains("agents") && name.ends_with(".txt");
        if !is_actors && !is_agents {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
        let text = String::from_utf8_lossy(&bytes);
        if is_actors {
            load_actors(&mut dictionary, &text);
        } else {
            load_agents(&mut dictionary, &text);
        }
        used += 1;
    }
    if used == 0 {
        return Err(PetrarchError::Empty(dir.display().to_string()));
    }
    Ok(dictionary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::person_code;

    const ACTORS: &str = "# comment\n\
NARNIA_ [NRN]\n\
+NARNIAN_\n\
ASLAN_THE_LION_  # a note\n\
+KING_ASLAN\n\
\t[NRNGOV 20011001-20050420]\n\
\t[NRNELI]\n\
UN_ [IGOUNO]\n";

    #[test]
    fn actors_with_aliases_and_dates() {
        let mut d = ActorDictionary::new();
        assert_eq!(load_actors(&mut d, ACTORS), 4);
        let narnia = d.lookup_name("Narnian");
        assert_eq!(d.entry(narnia[0]).code, "NRN");
        let aslan = d.lookup_name("King Aslan");
        assert_eq!(aslan.len(), 2);
        assert_eq!(person_code(&d, &aslan, Some(20030101)).as_deref(), Some("NRNGOV"));
        assert_eq!(person_code(&d, &aslan, Some(20100101)).as_deref(), Some("NRNELI"));
        assert_eq!(d.entry(d.lookup_name("UN")[0]).code, "IGOUNO");
        assert!(d.lookup_name("un").is_empty());
    }

    #[test]
    fn agents_with_macros_and_plurals() {
        let mut d = ActorDictionary::new();
        let text = "!PERSON! = MAN, WOMAN\nCATTLE!PERSON! [~AGR]\nPRISONER_OF_WAR {PRISONERS_OF_WAR} [~MIL]\nOBSERVERS_IN [IGO~]\n";
        assert_eq!(load_agents(&mut d, text), 4);
        assert_eq!(d.role("cattleman"), Some("AGR"));
        assert_eq!(d.role("prisoners of war"), Some("MIL"));
        assert_eq!(d.role("observers in"), None);
    }

    #[test]
    fn dates_and_codes() {
        assert_eq!(date("050101"), Some(20050101));
        assert_eq!(date("900823"), Some(19900823));
        assert_eq!(code_of("[USRARM <900823]"), Some(("USRARM".into(), 0, 19900823)));
        assert_eq!(code_of("[~GOV]"), Some(("GOV".into(), 0, u32::MAX)));
        assert_eq!(code_of("[]"), None);
    }

    #[test]
    fn missing_directory_is_an_error() {
        assert!(load_directory(Path::new("/nonexistent/petrarch")).is_err());
    }
}
