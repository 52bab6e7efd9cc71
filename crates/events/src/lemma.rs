//! Dictionary forms of verbs and nouns for the coder, when the pipeline's lemmatiser has not
//! run: irregular forms from a list, regular ones by suffix rules.
//!
//! It is a fallback, not a lemmatiser: it only has to be right for the words the pattern and
//! role tables name. The token's own lemma, when present, always wins.

use newsgraph_model::{Tag, Token, Upos};

/// Irregular verb forms (past, participle, third person) and their lemmas.
const IRREGULAR_VERBS: &[(&str, &str)] = &[
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("am", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("made", "make"),
    ("gave", "give"),
    ("given", "give"),
    ("took", "take"),
    ("taken", "take"),
    ("met", "meet"),
    ("held", "hold"),
    ("left", "leave"),
    ("sent", "send"),
    ("sought", "seek"),
    ("fought", "fight"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("thought", "think"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("fled", "flee"),
    ("led", "lead"),
    ("won", "win"),
    ("lost", "lose"),
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("wrote", "write"),
    ("written", "write"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("undertook", "undertake"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("saw", "see"),
    ("seen", "see"),
    ("knew", "know"),
    ("known", "know"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("laid", "lay"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("kept", "keep"),
    ("found", "find"),
    ("stood", "stand"),
    ("understood", "understand"),
    ("hit", "hit"),
    ("set", "set"),
    ("put", "put"),
    ("cut", "cut"),
    ("let", "let"),
    ("quit", "quit"),
    ("bid", "bid"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("bombarded", "bombard"),
    ("felt", "feel"),
    ("heard", "hear"),
    ("meant", "mean"),
    ("spent", "spend"),
    ("built", "build"),
    ("lent", "lend"),
    ("dealt", "deal"),
    ("ran", "run"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("wore", "wear"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("got", "get"),
    ("gotten", "get"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("rode", "ride"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("oversaw", "oversee"),
    ("overseen", "oversee"),
];

/// Irregular plural nouns.
const IRREGULAR_NOUNS: &[(&str, &str)] = &[
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("people", "people"),
    ("police", "police"),
    ("media", "media"),
    ("forces", "force"),
    ("troops", "troops"),
    ("news", "news"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("businessmen", "businessman"),
    ("policemen", "policeman"),
    ("militiamen", "militiaman"),
    ("congressmen", "congressman"),
    ("spokesmen", "spokesman"),
    ("gunmen", "gunman"),
    ("frenchmen", "frenchman"),
    ("chairmen", "chairman"),
    ("series", "series"),
    ("talks", "talks"),
    ("arms", "arms"),
    ("sanctions", "sanction"),
    ("authorities", "authority"),
];

/// Lemma of a verb form. Regular forms have several candidate stems ("released" → "releas",
/// "release"); `known` picks the one the pattern table names, and a suffix rule decides
/// otherwise.
pub fn verb_lemma(word: &str, known: impl Fn(&str) -> bool) -> String {
    let w = word.to_lowercase();
    if let Some(&(_, lemma)) = IRREGULAR_VERBS.iter().find(|(form, _)| *form == w) {
        return lemma.to_string();
    }
    let mut candidates: Vec<String> = Vec::new();
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        candidates.push(format!("{stem}y"));
    }
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            candidates.push(stem.to_string());
            candidates.push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                candidates.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    if let Some(found) = candidates.iter().find(|c| known(c)) {
        return found.clone();
    }
    if known(&w) {
        return w;
    }
    candidates.into_iter().next().unwrap_or(w)
}

/// Singular of a plural noun, by rule.
pub fn noun_lemma(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(&(_, lemma)) = IRREGULAR_NOUNS.iter().find(|(form, _)| *form == w) {
        return lemma.to_string();
    }
    if w.len() > 4 {
        if let Some(stem) = w.strip_suffix("ies") {
            return format!("{stem}y");
        }
    }
    if w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes") {
        return w[..w.len() - 2].to_string();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// The lemma of a token: its own when the lemmatiser set one, else a rule-based one by part of
/// speech (lower-cased word for anything that is not a verb or a noun).
pub fn of(token: &Token, text: &str, known: impl Fn(&str) -> bool) -> String {
    let word = token.text(text);
    if !token.lemma.is_empty() {
        let own = token.lemma.to_lowercase();
        // A lemmatiser's verb lemma the patterns do not know ("jaile") yields to the rule form
        // when that one is known ("jail").
        if matches!(token.upos, Upos::Verb) && !known(&own) {
            let rule = verb_lemma(word, &known);
            if known(&rule) {
                return rule;
            }
        }
        return own;
    }
    match token.upos {
        Upos::Verb | Upos::Aux => verb_lemma(word, known),
        Upos::Noun => noun_lemma(word),
        Upos::Unknown => match token.tag {
            Tag::Vbd | Tag::Vbn | Tag::Vbg | Tag::Vbz => verb_lemma(word, known),
            Tag::Nns => noun_lemma(word),
            _ => word.to_lowercase(),
        },
        _ => word.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "release", "attack", "kill", "accuse", "pledge", "visit", "fire", "ratify", "stop", "provide",
        "push", "stage",
    ];

    #[test]
    fn verbs() {
        for (form, lemma) in [
            ("said", "say"),
            ("released", "release"),
            ("attacked", "attack"),
            ("killing", "kill"),
            ("accused", "accuse"),
            ("pledged", "pledge"),
            ("visits", "visit"),
            ("fired", "fire"),
            ("ratified", "ratify"),
            ("stopped", "stop"),
            ("withdrew", "withdraw"),
            ("provides", "provide"),
            ("pushes", "push"),
            ("met", "meet"),
            ("staged", "stage"),
        ] {
            assert_eq!(verb_lemma(form, |w| KNOWN.contains(&w)), lemma, "{form}");
        }
    }

    #[test]
    fn nouns() {
        for (form, lemma) in [
            ("officials", "official"),
            ("militias", "militia"),
            ("ministries", "ministry"),
            ("children", "child"),
            ("forces", "force"),
            ("press", "press"),
            ("rebels", "rebel"),
            ("talks", "talks"),
        ] {
            assert_eq!(noun_lemma(form), lemma, "{form}");
        }
    }
}
