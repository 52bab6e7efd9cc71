//! CAMEO verb patterns: which verbs, particles, prepositions and object nouns express which
//! event code, which words govern a complement (intent, appeal, demand, refusal, report), and
//! how a governor or a negation changes the code of what it governs.
//!
//! The pattern set is the project's own (`data/patterns.txt`, format described at its top)
//! and covers all twenty CAMEO root classes. It says nothing about actors: finding who does
//! what to whom is [`crate::coder`]'s job.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a governing word changes the event of its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Governs {
    /// "pledge to", "willing to": intent to cooperate (03), or a threat (13) for force.
    Intent,
    /// "plans to", "scheduled to": the event itself, planned.
    Plan,
    /// "agreed to": the event itself, planned.
    Agree,
    /// "urged X to": an appeal (02) to X.
    Appeal,
    /// "demanded that X": a demand (10) on X.
    Demand,
    /// "refused to": a rejection (12).
    Reject,
    /// "threatened to": a threat (13).
    Threat,
    /// "tried to": the event itself.
    Try,
    /// "pressured X to": the governor's own event (coercion, 17); what X is pressed to do is
    /// not an event.
    Coerce,
    /// "said that": reported speech.
    Report,
}

impl Governs {
    fn parse(name: &str) -> Option<Governs> {
        Some(match name {
            "intent" => Governs::Intent,
            "plan" => Governs::Plan,
            "agree" => Governs::Agree,
            "appeal" => Governs::Appeal,
            "demand" => Governs::Demand,
            "reject" => Governs::Reject,
            "threat" => Governs::Threat,
            "try" => Governs::Try,
            "coerce" => Governs::Coerce,
            "report" => Governs::Report,
            _ => return None,
        })
    }
}

/// One pattern of the table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pattern {
    /// The key as written in the table ("sign+agreement").
    pub key: String,
    /// CAMEO code; `None` for a pure governor.
    pub code: Option<String>,
    /// Several subjects without a target make events between each pair.
    pub symmetric: bool,
    /// Coded even without a target.
    pub solo: bool,
    /// Takes its code from its object noun when the noun has one.
    pub light: bool,
    /// The actor of the from/by argument acts on the subject.
    pub reversed: bool,
    /// The word negates what it governs.
    pub negating: bool,
    /// What the word does to a complement.
    pub governs: Option<Governs>,
    /// The preposition that introduces the target ("withdrew from").
    pub target_prep: Option<String>,
}

/// What kind of word a pattern is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Verb,
    Noun,
    Adjective,
}

/// The pattern table.
#[derive(Debug, Default)]
pub struct Patterns {
    table: HashMap<(Kind, String), Pattern>,
    verbs: std::collections::HashSet<String>,
}

/// Why a pattern line was not understood.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("pattern line {line}: {message}")]
pub struct PatternError {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Patterns {
    /// The built-in pattern set.
    pub fn builtin() -> &'static Patterns {
        static BUILTIN: OnceLock<Patterns> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The built-in table is checked by the tests; a bad line there is a bug.
            Patterns::parse(include_str!("../data/patterns.txt")).unwrap_or_default()
        })
    }

    /// Read a pattern table.
    pub fn parse(text: &str) -> Result<Patterns, PatternError> {
        let mut patterns = Patterns::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| PatternError { line: n + 1, message: message.to_string() };
            let mut fields = line.split_whitespace();
            let kind = match fields.next() {
                Some("verb") => Kind::Verb,
                Some("noun") => Kind::Noun,
                Some("adj") => Kind::Adjective,
                _ => return Err(err("expected verb, noun or adj")),
            };
            // The key runs up to the code, which is the first field of digits or `-`.
            let mut key_words = Vec::new();
            let mut code = None;
            for f in fields.by_ref() {
                if f == "-" || (f.len() >= 2 && f.len() <= 4 && f.bytes().all(|b| b.is_ascii_digit())) {
                    code = Some(f);
                    break;
                }
                key_words.push(f);
            }
            let Some(code) = code else { return Err(err("no code")) };
            if key_words.is_empty() {
                return Err(err("no key"));
            }
            if code != "-" && crate::codebook::lookup(code).is_none() {
                return Err(err(&format!("unknown CAMEO code {code}")));
            }
            let key = key_words.join(" ");
            let mut pattern = Pattern {
                key: key.clone(),
                code: (code != "-").then(|| code.to_string()),
                ..Pattern::default()
            };
            for flag in fields {
                match flag {
                    "sym" => pattern.symmetric = true,
                    "solo" => pattern.solo = true,
                    "light" => pattern.light = true,
                    "rev" => pattern.reversed = true,
                    "neg" => pattern.negating = true,
                    _ if flag.starts_with("target=") => {
                        pattern.target_prep = flag.strip_prefix("target=").map(str::to_string);
                    }
                    _ => match flag.strip_prefix("gov=").and_then(Governs::parse) {
                        Some(g) => pattern.governs = Some(g),
                        None => return Err(err(&format!("unknown flag {flag}"))),
                    },
                }
            }
            if kind == Kind::Verb {
                if let Some(lemma) = key.split('+').next() {
                    patterns.verbs.insert(lemma.to_string());
                    if let Some(word) = lemma.split(' ').next() {
                        patterns.verbs.insert(word.to_string());
                    }
                }
            }
            patterns.table.entry((kind, key)).or_insert(pattern);
        }
        Ok(patterns)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True for an empty table.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// True when some verb pattern starts with this lemma.
    pub fn knows_verb(&self, lemma: &str) -> bool {
        self.verbs.contains(lemma)
    }

    /// True when the table pairs the verb with the noun as its object: a `verb+noun` pattern
    /// ("face+pressure"), or a light verb and a noun with a pattern of its own ("hold" and
    /// "talks").
    pub fn takes_noun(&self, verb: &str, noun: &str) -> bool {
        if self.table.contains_key(&(Kind::Verb, format!("{verb}+{noun}"))) {
            return true;
        }
        let light = self.table.get(&(Kind::Verb, verb.to_string())).is_some_and(|p| p.light);
        light && self.table.contains_key(&(Kind::Noun, noun.to_string()))
    }

    /// The most specific verb pattern for a verb with an optional particle, the phrases of its
    /// object noun (longest first: "arrest warrant", "warrant") and its prepositional
    /// arguments, each a preposition with the phrases of its noun.
    pub fn verb(
        &self,
        lemma: &str,
        particle: Option<&str>,
        nouns: &[String],
        preps: &[(String, Vec<String>)],
    ) -> Option<&Pattern> {
        let mut heads = Vec::with_capacity(3);
        if let Some(p) = particle {
            heads.push(format!("{lemma} {p}"));
            // A particle the parser took for a preposition is written as one in the table.
            heads.push(format!("{lemma}+@{p}"));
        }
        heads.push(lemma.to_string());
        let mut keys: Vec<String> = Vec::new();
        for head in &heads {
            for noun in nouns {
                for (prep, _) in preps {
                    keys.push(format!("{head}+{noun}+@{prep}"));
                }
            }
            for (prep, prep_nouns) in preps {
                for noun in prep_nouns {
                    keys.push(format!("{head}+{noun}+@{prep}"));
                }
            }
        }
        for head in &heads {
            for noun in nouns {
                keys.push(format!("{head}+{noun}"));
            }
        }
        for head in &heads {
            for (prep, _) in preps {
                keys.push(format!("{head}+@{prep}"));
            }
        }
        keys.extend(heads);
        keys.iter().find_map(|k| self.get(Kind::Verb, k))
    }

    /// The pattern of an event noun (longest phrase first).
    pub fn noun(&self, phrases: &[String]) -> Option<&Pattern> {
        phrases.iter().find_map(|p| self.get(Kind::Noun, p))
    }

    /// The pattern of a governing adjective.
    pub fn adjective(&self, lemma: &str) -> Option<&Pattern> {
        self.get(Kind::Adjective, lemma)
    }

    fn get(&self, kind: Kind, key: &str) -> Option<&Pattern> {
        self.table.get(&(kind, key.to_string()))
    }
}

/// The code an event takes when a governor of kind `governs` is put over it, or `None` when
/// the combination is not an event.
pub fn govern(governs: Governs, code: &str) -> Option<String> {
    match governs {
        Governs::Intent => intent(code),
        Governs::Appeal => Some(appeal(code)),
        Governs::Demand => Some(demand(code)),
        Governs::Reject => negate(code),
        Governs::Threat => Some(threat(code)),
        Governs::Plan | Governs::Agree | Governs::Try | Governs::Report => Some(code.to_string()),
        Governs::Coerce => None,
    }
}

fn root(code: &str) -> u8 {
    code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0)
}

/// Cooperative codes (03–08) mapped to a family: the digits after the family prefix.
/// Returns (family, detail) where family is one of "coop", "diplomatic", "aid", "yield",
/// "meet", "reform", "settle", "mediate".
fn family(code: &str) -> Option<(&'static str, &'static str)> {
    let base = code.get(..3).unwrap_or(code);
    Some(match (root(code), base, code) {
        (3, "031", _) | (6, _, _) => (
            "coop",
            match code {
                "0311" | "061" => "1",
                "0312" | "062" => "2",
                "0313" | "063" => "3",
                "0314" | "064" => "4",
                _ => "",
            },
        ),
        (3, "032", _) | (5, _, _) => ("diplomatic", ""),
        (3, "033", _) | (7, _, _) => (
            "aid",
            match code {
                "0331" | "071" => "1",
                "0332" | "072" => "2",
                "0333" | "073" => "3",
                "0334" | "074" => "4",
                _ => "",
            },
        ),
        (3, "034", _) | (8, "083", _) => ("reform", ""),
        (3, "035", _) | (8, _, _) => (
            "yield",
            match code {
                "0351" | "081" | "0811" | "0812" | "0813" | "0814" => "1",
                "0352" | "082" => "2",
                "0353" | "084" | "0841" | "0842" => "3",
                "0354" | "085" => "4",
                "0355" | "086" | "0861" | "0862" | "0863" => "5",
                "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "6",
                _ => "",
            },
        ),
        (3, "036", _) | (4, "040" | "041" | "042" | "043" | "044" | "046", _) | (4, "04", _) => ("meet", ""),
        (3, "037", _) => ("settle", ""),
        (3, "038" | "039", _) | (4, "045", _) => ("mediate", ""),
        (3, _, _) => ("intent", ""),
        _ => return None,
    })
}

/// "pledged to X": intent to cooperate for cooperative X, a threat of force for force, the
/// event itself (planned) for other conflict.
pub fn intent(code: &str) -> Option<String> {
    if let Some((family, detail)) = family(code) {
        let base = match family {
            "coop" => "031",
            "diplomatic" => "032",
            "aid" => "033",
            "reform" => "034",
            "yield" => "035",
            "meet" => "036",
            "settle" => "037",
            "mediate" => "039",
            _ => "030",
        };
        return Some(format!("{base}{detail}"));
    }
    match root(code) {
        1 | 2 => None,
        15 | 18..=20 => Some("138".to_string()),
        _ => Some(code.to_string()),
    }
}

/// "urged X to Y": an appeal for Y.
pub fn appeal(code: &str) -> String {
    match family(code) {
        Some(("coop", d)) => format!("021{d}"),
        Some(("diplomatic", _)) => "022".to_string(),
        Some(("aid", d)) => format!("023{d}"),
        Some(("reform", _)) => "024".to_string(),
        Some(("yield", d)) => format!("025{d}"),
        Some(("meet", _)) => "026".to_string(),
        Some(("settle", _)) => "027".to_string(),
        Some(("mediate", _)) => "028".to_string(),
        _ => match root(code) {
            15 | 18..=20 => "0212".to_string(),
            _ => "020".to_string(),
        },
    }
}

/// "demanded that X Y": a demand for Y.
pub fn demand(code: &str) -> String {
    match family(code) {
        Some(("coop", d)) => format!("101{d}"),
        Some(("diplomatic", _)) => "102".to_string(),
        Some(("aid", d)) => format!("103{d}"),
        Some(("reform", _)) => "104".to_string(),
        Some(("yield", d)) => format!("105{d}"),
        Some(("meet", _)) => "106".to_string(),
        Some(("settle", _)) => "107".to_string(),
        Some(("mediate", _)) => "108".to_string(),
        _ => "100".to_string(),
    }
}

/// "threatened to Y": a threat of Y.
pub fn threat(code: &str) -> String {
    let base = code.get(..3).unwrap_or(code);
    match (root(code), base) {
        (16, "162") => "1311".to_string(),
        (16, "163") => "1312".to_string(),
        (16, "161") => "1313".to_string(),
        (16, "164") => "134".to_string(),
        (16, "165") => "135".to_string(),
        (16, "166") => "136".to_string(),
        (16, _) => "131".to_string(),
        (17, "172") => "132".to_string(),
        (17, _) => "137".to_string(),
        (14, _) => "133".to_string(),
        (15 | 18 | 19, _) => "138".to_string(),
        (20, "204") => "1385".to_string(),
        (20, _) => "138".to_string(),
        _ => "130".to_string(),
    }
}

/// The code of the negated event ("will not provide weapons" → 1222 reject request for
/// military aid; "declined to comment" → 011), or `None` when a negated event is no event
/// ("did not attack").
pub fn negate(code: &str) -> Option<String> {
    if code == "010" || code == "01" {
        return Some("011".to_string());
    }
    match family(code) {
        Some(("coop", d)) => Some(format!("121{d}")),
        Some(("diplomatic", _)) => Some("120".to_string()),
        Some(("aid", "")) => Some("121".to_string()),
        Some(("aid", d)) => Some(format!("122{d}")),
        Some(("reform", _)) => Some("123".to_string()),
        Some(("yield", d)) => Some(format!("124{d}")),
        Some(("meet", _)) => Some("125".to_string()),
        Some(("settle", _)) => Some("127".to_string()),
        Some(("mediate", _)) => Some("126".to_string()),
        Some(_) => Some("120".to_string()),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook;

    #[test]
    fn builtin_table_parses_and_covers_every_root() {
        let table = include_str!("../data/patterns.txt");
        let patterns = Patterns::parse(table).unwrap();
        assert!(patterns.len() > 400);
        let mut roots: Vec<&str> =
            patterns.table.values().filter_map(|p| p.code.as_deref()).map(codebook::root_of).collect();
        roots.sort_unstable();
        roots.dedup();
        assert_eq!(roots.len(), 20, "{roots:?}");
    }

    #[test]
    fn most_specific_pattern_wins() {
        let p = Patterns::builtin();
        let nouns = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let code = |lemma: &str, particle: Option<&str>, n: &[&str], preps: &[&str]| {
            let preps: Vec<(String, Vec<String>)> =
                preps.iter().map(|p| (p.to_string(), Vec::new())).collect();
            p.verb(lemma, particle, &nouns(n), &preps).and_then(|p| p.code.clone())
        };
        assert_eq!(code("attack", None, &[], &[]).as_deref(), Some("190"));
        assert_eq!(code("impose", None, &["sanction"], &["on"]).as_deref(), Some("163"));
        assert_eq!(code("issue", None, &["arrest warrant", "warrant"], &["for"]).as_deref(), Some("173"));
        assert_eq!(code("fire", None, &["battery"], &["at"]).as_deref(), Some("194"));
        assert_eq!(code("carry", Some("out"), &["air strike", "strike"], &[]).as_deref(), Some("195"));
        assert_eq!(code("meet", None, &[], &["with"]).as_deref(), Some("040"));
        assert!(code("banana", None, &[], &[]).is_none());
        assert_eq!(p.noun(&nouns(&["humanitarian aid", "aid"])).and_then(|p| p.code.as_deref()), Some("073"));
        assert_eq!(p.adjective("willing").and_then(|p| p.governs), Some(Governs::Intent));
    }

    #[test]
    fn governors_transform_codes() {
        assert_eq!(intent("072").as_deref(), Some("0332"));
        assert_eq!(intent("070").as_deref(), Some("033"));
        assert_eq!(intent("190").as_deref(), Some("138"));
        assert_eq!(intent("0841").as_deref(), Some("0353"));
        assert_eq!(intent("174").as_deref(), Some("174"));
        assert_eq!(appeal("070"), "023");
        assert_eq!(appeal("040"), "026");
        assert_eq!(demand("0841"), "1053");
        assert_eq!(threat("163"), "1312");
        assert_eq!(negate("072").as_deref(), Some("1222"));
        assert_eq!(negate("0332").as_deref(), Some("1222"));
        assert_eq!(negate("080").as_deref(), Some("124"));
        assert_eq!(negate("010").as_deref(), Some("011"));
        assert_eq!(negate("190"), None);
        for code in ["0332", "1222", "023", "1053", "1312", "124", "011", "0353", "138"] {
            assert!(codebook::lookup(code).is_some(), "{code}");
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        assert_eq!(Patterns::parse("verb attack 999").unwrap_err().line, 1);
        assert!(Patterns::parse("# c\nfoo bar 190").is_err());
        assert!(Patterns::parse("verb attack 190 loud").is_err());
        assert!(Patterns::parse("verb attack").is_err());
    }
}
