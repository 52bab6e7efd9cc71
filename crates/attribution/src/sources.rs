//! What kind of source a phrase names: a role ("a spokesman"), a group ("analysts",
//! "officials"), a document ("the report"), a news outlet ("the Financial Times"), or a
//! marker of anonymity ("on condition of anonymity").

/// Role nouns: a person described by what they do. Singular forms.
const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officer",
    "minister",
    "ambassador",
    "diplomat",
    "aide",
    "adviser",
    "advisor",
    "source",
    "analyst",
    "expert",
    "economist",
    "scholar",
    "researcher",
    "professor",
    "commentator",
    "director",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "executive",
    "ceo",
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "senator",
    "lawmaker",
    "legislator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "leader",
    "general",
    "commander",
    "witness",
    "resident",
    "activist",
    "observer",
    "critic",
    "supporter",
    "opponent",
    "insider",
    "negotiator",
    "envoy",
    "secretary",
    "chief",
    "head",
    "manager",
    "founder",
    "owner",
    "employee",
    "worker",
    "member",
    "person",
    "man",
    "woman",
    "staffer",
    "strategist",
    "consultant",
    "pollster",
    "candidate",
    "nominee",
    "campaign",
    "voter",
    "doctor",
    "scientist",
    "historian",
    "editor",
    "reporter",
    "journalist",
    "columnist",
    "correspondent",
    "investigator",
    "agent",
    "inspector",
    "police",
    "authority",
    "counterpart",
    "colleague",
    "friend",
    "neighbor",
    "neighbour",
    "relative",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "student",
    "teacher",
    "official",
    "participant",
    "organizer",
    "organiser",
    "protester",
    "demonstrator",
    "soldier",
    "officer",
    "guard",
    "victim",
    "survivor",
    "people",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "nobody",
    "party",
    "fellow",
    "specialist",
    "physician",
    "administrator",
    "administration",
    "government",
    "ministry",
    "agency",
    "department",
    "office",
    "embassy",
    "military",
    "army",
    "committee",
    "council",
    "court",
    "board",
    "company",
    "firm",
    "group",
    "team",
    "union",
    "coalition",
    "regime",
    "authorities",
    "camp",
];

/// Document nouns: sources that are texts or data rather than people.
const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "study",
    "poll",
    "survey",
    "memo",
    "memorandum",
    "document",
    "letter",
    "email",
    "e-mail",
    "filing",
    "lawsuit",
    "complaint",
    "indictment",
    "ruling",
    "decision",
    "analysis",
    "review",
    "data",
    "figures",
    "estimate",
    "assessment",
    "release",
    "transcript",
    "record",
    "post",
    "tweet",
    "book",
    "paper",
    "article",
    "editorial",
    "column",
    "op-ed",
    "story",
    "investigation",
    "audit",
    "research",
    "findings",
    "forecast",
    "projection",
    "model",
    "index",
    "census",
    "warrant",
    "order",
    "bill",
    "law",
    "resolution",
    "communique",
    "communiqué",
    "cable",
    "briefing",
    "video",
    "footage",
    "website",
    "blog",
    "reports",
    "leak",
    "polls",
    "surveys",
    "studies",
    "documents",
    "records",
    "statistics",
    "numbers",
];

/// Words that make a noun phrase an unspecified source ("reports", "rumors", "word").
const UNSPECIFIED: &[&str] = &["reports", "rumors", "rumours", "speculation", "word", "it", "there"];

/// News outlets named often enough to be known without context. Lower-case, without a
/// leading "the".
const OUTLETS: &[&str] = &[
    "financial times",
    "new york times",
    "washington post",
    "wall street journal",
    "associated press",
    "ap",
    "reuters",
    "bloomberg",
    "bloomberg news",
    "afp",
    "agence france-presse",
    "bbc",
    "cnn",
    "fox news",
    "msnbc",
    "nbc",
    "nbc news",
    "abc",
    "abc news",
    "cbs",
    "cbs news",
    "npr",
    "politico",
    "axios",
    "the hill",
    "guardian",
    "times",
    "post",
    "journal",
    "economist",
    "u.s. news",
    "us news",
    "usa today",
    "los angeles times",
    "chicago tribune",
    "new york post",
    "daily mail",
    "telegraph",
    "independent",
    "al jazeera",
    "xinhua",
    "global times",
    "tass",
    "ria novosti",
    "interfax",
    "kyodo",
    "yonhap",
    "dpa",
    "le monde",
    "der spiegel",
    "spiegel",
    "haaretz",
    "times of israel",
    "south china morning post",
    "scmp",
    "huffington post",
    "huffpost",
    "breitbart",
    "breitbart news",
    "buzzfeed",
    "buzzfeed news",
    "vox",
    "slate",
    "the atlantic",
    "atlantic",
    "new yorker",
    "time",
    "newsweek",
    "forbes",
    "cnbc",
    "sky news",
    "euronews",
    "dw",
    "deutsche welle",
    "rt",
    "sputnik",
    "people's daily",
    "china daily",
    "cctv",
    "nhk",
    "abc australia",
    "le figaro",
    "el país",
    "el pais",
    "corriere della sera",
    "yomiuri",
    "asahi",
    "nikkei",
    "the information",
    "propublica",
    "mother jones",
    "national review",
    "daily beast",
    "the intercept",
    "intercept",
    "vice",
    "vice news",
    "washington times",
    "daily caller",
    "newsmax",
    "one america news",
    "oan",
    "pbs",
    "c-span",
    "cnn business",
];

/// Words that say an organisation is a news outlet.
const OUTLET_WORDS: &[&str] = &[
    "newspaper",
    "outlet",
    "magazine",
    "broadcaster",
    "network",
    "news agency",
    "tabloid",
    "daily",
    "weekly",
    "news site",
    "channel",
    "wire service",
    "media",
    "mouthpiece",
    "station",
];

/// Singular form of a plural role or document noun, for lookup.
fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if w.ends_with("men") {
        return format!("{}man", &w[..w.len() - 3]);
    }
    if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ss") || stem.ends_with("sh") || stem.ends_with("ch") {
            return stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix('s') {
        if !stem.ends_with('s') {
            return stem.to_string();
        }
    }
    w
}

/// True if the noun names a role or a kind of person or body.
pub fn is_role(noun: &str) -> bool {
    let lower = noun.to_lowercase();
    ROLES.contains(&lower.as_str()) || ROLES.contains(&singular(&lower).as_str())
}

/// True if the noun names a document, report or dataset.
pub fn is_document(noun: &str) -> bool {
    DOCUMENTS.contains(&noun.to_lowercase().as_str())
}

/// True if the noun makes the source unspecified ("reports emerged").
pub fn is_unspecified(noun: &str) -> bool {
    UNSPECIFIED.contains(&noun.to_lowercase().as_str())
}

/// True if a plural noun ("officials", "analysts", "people").
pub fn is_plural(noun: &str) -> bool {
    let lower = noun.to_lowercase();
    matches!(lower.as_str(), "people" | "police" | "authorities" | "media" | "staff")
        || (lower.ends_with('s') && !lower.ends_with("ss") && singular(&lower) != lower)
}

/// True if the name (of an organisation) is a known news outlet.
pub fn is_outlet_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    OUTLETS.contains(&lower)
}

/// True if a descriptor says the organisation is a news outlet.
pub fn describes_outlet(descriptor: &str) -> bool {
    let lower = descriptor.to_lowercase();
    OUTLET_WORDS.iter().any(|w| lower.contains(w))
}

/// True if the text marks the source as anonymous on purpose.
pub fn marks_anonymity(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "anonymity",
        "anonymously",
        "not authorized to",
        "not authorised to",
        "not be named",
        "not be identified",
        "declined to be named",
        "declined to be identified",
        "requested anonymity",
        "without being named",
        "unnamed",
        "anonymous",
        "who asked not to be",
        "on background",
        "familiar with",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon() {
        assert!(
            is_role("spokesman") && is_role("Officials") && is_role("analysts") && is_role("spokeswomen")
        );
        assert!(is_document("report") && !is_document("reporter"));
        assert!(
            is_plural("officials") && is_plural("people") && !is_plural("spokesman") && !is_plural("boss")
        );
        assert!(
            is_outlet_name("the Financial Times")
                && is_outlet_name("Reuters")
                && !is_outlet_name("Stimson Center")
        );
        assert!(describes_outlet("state-sponsored English-language outlet"));
        assert!(marks_anonymity("on the condition of anonymity") && !marks_anonymity("on Monday"));
    }
}
