//! The cue lexicon: verbs and phrases that report speech, writing, belief, denial or refusal,
//! each with what it says about the status of the claim.
//!
//! A word form is looked up directly ("told" → tell), so cue detection does not need the
//! lemmatiser. Weak cues ("offer", "find", "show") report a claim only with a clause or a
//! quotation to report; strong cues ("say", "tell") also in "…, X said".

use newsgraph_model::Status;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How a cue verb behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueVerb {
    /// The dictionary form.
    pub lemma: &'static str,
    /// Status of the claims it reports.
    pub status: Status,
    /// True if it reports a claim in every construction; false if it needs a clause or a
    /// quotation to be a cue at all.
    pub strong: bool,
}

const STRONG_SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "state",
    "explain",
    "announce",
    "declare",
    "write",
    "insist",
    "claim",
    "argue",
    "assert",
    "contend",
    "maintain",
    "warn",
    "caution",
    "acknowledge",
    "admit",
    "concede",
    "confirm",
    "reveal",
    "disclose",
    "testify",
    "recall",
    "emphasize",
    "emphasise",
    "stress",
    "remark",
    "reply",
    "respond",
    "retort",
    "quip",
    "joke",
    "tweet",
    "allege",
    "predict",
    "reiterate",
    "repeat",
    "counter",
    "complain",
    "boast",
    "brag",
    "lament",
    "muse",
    "scoff",
    "shout",
    "whisper",
    "plead",
    "clarify",
    "elaborate",
    "proclaim",
    "affirm",
    "comment",
    "observe",
    "continue",
    "answer",
    "report",
    "opine",
    "mention",
    "summarize",
    "concur",
    "agree",
    "urge",
    "ask",
    "chant",
    "exclaim",
    "sigh",
    "grumble",
    "marvel",
    "posit",
    "theorize",
    "charge",
    "recount",
    "pledge",
    "vow",
    "promise",
    "suggest",
    "cite",
    "echo",
    "describe",
    "point",
    "indicate",
    "acknowledge",
    "assure",
    "inform",
    "advise",
    "remind",
    "notify",
    "signal",
    "hint",
    "imply",
    "conclude",
    "speculate",
    "estimate",
    "forecast",
];

const WEAK_SPEECH: &[&str] = &[
    "offer",
    "find",
    "show",
    "call",
    "demand",
    "propose",
    "recommend",
    "question",
    "wonder",
    "criticize",
    "criticise",
    "praise",
    "accuse",
    "blame",
    "attack",
    "post",
    "quote",
    "specify",
    "project",
    "threaten",
    "disagree",
    "discuss",
    "describe",
    "tout",
    "dub",
    "label",
    "demonstrate",
    "reveal",
    "suggest",
    "emerge",
    "confide",
    "detail",
    "highlight",
    "underline",
    "underscore",
    "acknowledge",
    "contest",
    "challenge",
];

const BELIEF: &[&str] = &[
    "believe",
    "think",
    "feel",
    "fear",
    "hope",
    "expect",
    "suspect",
    "worry",
    "consider",
    "assume",
    "reckon",
    "guess",
    "figure",
    "know",
    "understand",
    "sense",
    "presume",
    "imagine",
    "trust",
    "anticipate",
    "doubt",
    "want",
    "see",
    "view",
    "regard",
    "recognize",
    "recognise",
    "realize",
    "realise",
    "agree",
];

const DENIAL: &[&str] =
    &["deny", "reject", "dismiss", "refute", "dispute", "rebut", "contradict", "disavow", "downplay"];

const DECLINE: &[&str] = &["decline", "refuse"];

/// Irregular and spelling-changing forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("think", &["thought"]),
    ("feel", &["felt"]),
    ("know", &["knew", "known"]),
    ("find", &["found"]),
    ("understand", &["understood"]),
    ("show", &["shown"]),
    ("forecast", &["forecast"]),
    ("see", &["saw", "seen"]),
    ("admit", &["admitted", "admitting"]),
    ("concur", &["concurred", "concurring"]),
    ("rebut", &["rebutted", "rebutting"]),
    ("quip", &["quipped", "quipping"]),
    ("plan", &["planned", "planning"]),
    ("dub", &["dubbed", "dubbing"]),
    ("label", &["labelled", "labelling"]),
    ("signal", &["signalled", "signalling"]),
    ("counsel", &["counselled"]),
];

/// Regular forms of an English verb: lemma, -s, -ed, -ing.
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let consonant_y =
        lemma.ends_with('y') && !lemma.ends_with("ey") && !lemma.ends_with("ay") && !lemma.ends_with("oy");
    let stem = &lemma[..lemma.len() - 1];
    if consonant_y {
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
        forms.push(format!("{lemma}ing"));
    } else if lemma.ends_with('e') {
        forms.push(format!("{lemma}s"));
        forms.push(format!("{lemma}d"));
        forms.push(if lemma.ends_with("ee") { format!("{lemma}ing") } else { format!("{stem}ing") });
    } else {
        let sibilant = ["s", "sh", "ch", "x", "z"].iter().any(|e| lemma.ends_with(e));
        forms.push(if sibilant { format!("{lemma}es") } else { format!("{lemma}s") });
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
    }
    forms
}

fn table() -> &'static HashMap<String, CueVerb> {
    static TABLE: OnceLock<HashMap<String, CueVerb>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        let mut add = |lemma: &'static str, status: Status, strong: bool| {
            let verb = CueVerb { lemma, status, strong };
            let mut forms = regular_forms(lemma);
            if let Some((_, extra)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
                forms.extend(extra.iter().map(|f| f.to_string()));
            }
            for form in forms {
                // The first list that names a form wins.
                map.entry(form).or_insert(verb);
            }
        };
        for &l in DENIAL {
            add(l, Status::Denied, true);
        }
        for &l in DECLINE {
            add(l, Status::DeclinedToComment, false);
        }
        for &l in STRONG_SPEECH {
            add(l, Status::Asserted, true);
        }
        for &l in BELIEF {
            add(
                l,
                Status::Belief,
                matches!(l, "believe" | "think" | "fear" | "hope" | "expect" | "suspect" | "worry" | "doubt"),
            );
        }
        for &l in WEAK_SPEECH {
            add(l, Status::Asserted, false);
        }
        map
    })
}

/// The cue verb a word form belongs to, if any (case-insensitive).
pub fn verb(form: &str) -> Option<CueVerb> {
    if form.bytes().any(|b| b.is_ascii_uppercase()) {
        table().get(&form.to_ascii_lowercase()).copied()
    } else {
        table().get(form).copied()
    }
}

/// Adverbs and phrases that hedge an attribution.
pub fn is_hedge(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "reportedly" | "allegedly" | "apparently" | "purportedly" | "supposedly" | "seemingly" | "ostensibly"
    )
}

/// Words after "decline"/"refuse" that make it a refusal to comment.
pub fn is_comment_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "comment"
            | "elaborate"
            | "discuss"
            | "say"
            | "confirm"
            | "answer"
            | "respond"
            | "speak"
            | "specify"
            | "detail"
            | "disclose"
            | "reveal"
            | "identify"
            | "name"
            | "explain"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_map_to_lemmas() {
        for (form, lemma) in [
            ("said", "say"),
            ("says", "say"),
            ("saying", "say"),
            ("told", "tell"),
            ("tells", "tell"),
            ("denied", "deny"),
            ("denies", "deny"),
            ("noted", "note"),
            ("notes", "note"),
            ("noting", "note"),
            ("believes", "believe"),
            ("warned", "warn"),
            ("added", "add"),
            ("insisted", "insist"),
            ("Reported", "report"),
            ("declined", "decline"),
            ("criticizing", "criticize"),
            ("wrote", "write"),
            ("admitted", "admit"),
            ("called", "call"),
        ] {
            assert_eq!(verb(form).map(|v| v.lemma), Some(lemma), "{form}");
        }
        assert_eq!(verb("table"), None);
        assert_eq!(verb("denied").map(|v| v.status), Some(Status::Denied));
        assert_eq!(verb("believe").map(|v| v.status), Some(Status::Belief));
        assert!(!verb("offered").is_some_and(|v| v.strong));
    }
}
