//! Page debris in plain text: repeated headlines, share and follow buttons, subscription and
//! cookie prompts, copyright lines and copy-protection notices.
//!
//! The rules are general line rules, not a list of known sites: a line goes when it is short
//! and made only of sharing words, starts like a subscription or cookie prompt, is a
//! copyright notice, or repeats an earlier short line. Article sentences that merely mention
//! cookies or copyright are kept because the rules look at the whole line and its length.
//! This module does not look at HTML structure (see [`crate::html`]).

/// Plain text after debris removal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean text: lines joined with `\n`, paragraphs separated by one blank line.
    pub text: String,
    /// A headline found printed more than once at the top of the text.
    pub title: Option<String>,
    /// How many lines were dropped.
    pub dropped: usize,
}

/// Normalise raw text: no byte-order mark, `\n` line ends, no control characters, no
/// trailing spaces, at most one blank line in a row, no leading or trailing blank lines.
pub fn normalise(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0usize;
    for line in raw.split('\n') {
        let mut clean = String::with_capacity(line.len());
        for c in line.chars() {
            match c {
                '\r' => {}
                '\t' => clean.push(' '),
                '\u{a0}' | '\u{2007}' | '\u{202f}' => clean.push(' '),
                '\u{200b}' | '\u{feff}' | '\u{ad}' => {}
                c if c.is_control() => {}
                c => clean.push(c),
            }
        }
        let clean = clean.trim_end();
        if clean.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(clean);
    }
    out
}

/// Lowercase, whitespace collapsed: the key under which lines are compared.
pub(crate) fn line_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Words that make up share bars and social links.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "twitter",
    "x",
    "facebook",
    "linkedin",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "print",
    "pinterest",
    "pin",
    "it",
    "reddit",
    "telegram",
    "copy",
    "link",
    "messenger",
    "xing",
    "flipboard",
    "tumblr",
    "pocket",
    "threads",
    "bluesky",
    "mastodon",
    "sms",
    "teilen",
    "drucken",
    "this",
    "on",
    "via",
    "article",
    "story",
    "post",
    "follow",
    "us",
    "the",
    "share:",
    "teilen:",
    "&",
    "|",
    "/",
    "·",
    "•",
];

/// Whole lines that are navigation or page furniture, compared after trimming punctuation.
const FURNITURE_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "anzeige",
    "werbung",
    "sponsored",
    "sponsored content",
    "read more",
    "read more:",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "mehr zum thema",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "see also",
    "more from",
    "recommended",
    "comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "kommentare",
    "subscribe",
    "subscribe now",
    "sign up",
    "log in",
    "login",
    "sign in",
    "register",
    "skip to content",
    "skip to main content",
    "back to top",
    "nach oben",
    "top",
    "menu",
    "menü",
    "close",
    "schließen",
    "loading",
    "loading...",
    "image",
    "photo",
    "video",
    "listen",
    "listen to this article",
    "play video",
    "click here",
    // Section labels that introduce furniture: author boxes, reading lists, sources, contents.
    "about the author",
    "über den autor",
    "über die autorin",
    "zur person",
    "zum weiterlesen",
    "further reading",
    "inhaltsverzeichnis",
    "table of contents",
    "contents",
    "inhalt",
    "quellenangaben",
    "quellen",
    "quellen ausblenden",
    "sources",
    "schlagworte",
    "themen",
    "tags",
    "vos réactions",
    "mehr kolumnen",
    "artikel teilen",
    "verwandte artikel",
    "neueste artikel",
    "alle artikel",
    "auch lesen",
    "dowiedz się więcej",
    "więcej informacji",
    "źródło",
    "kontakt",
    "telefon",
    "zusatzinformationen",
    "noch keine bewertungen",
];

/// Starts of lines that are prompts rather than article text (only for short lines).
const PROMPT_STARTS: &[&str] = &[
    "share on ",
    "share this",
    "share via",
    "click to share",
    "click to email",
    "click to print",
    "follow us",
    "follow @",
    "like us on",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe for",
    "get our newsletter",
    "get the newsletter",
    "join our newsletter",
    "newsletter abonnieren",
    "jetzt abonnieren",
    "abonnieren sie",
    "melden sie sich",
    "download our app",
    "read more:",
    "read also:",
    "lesen sie auch",
    "auch interessant",
    "das könnte sie auch interessieren",
    "you may also like",
    "you might also like",
    "more stories",
    "recommended for you",
    "posted in ",
    "filed under",
    "tags:",
    "tagged ",
    "schlagworte:",
    "permalink",
    "report an error",
    "report a correction",
    // Pointers to other articles.
    "see also",
    "read also",
    "related:",
    "more from ",
    "more on ",
    "more stories",
    "most read",
    "most popular",
    "siehe auch",
    "ähnliche beiträge",
    "ähnliche artikel",
    "weitere artikel",
    "weitere beiträge",
    "weitere themen",
    "weitere informationen:",
    "weiterführende",
    "mehr zum thema",
    "mehr zu ",
    "mehr aus ",
    "mehr von ",
    "meistgelesen",
    "meistdiskutiert",
    "das könnte dich auch interessieren",
    "schon gelesen",
    "zobacz także",
    "zobacz również",
    "czytaj też",
    "czytaj także",
    "czytaj również",
    "à lire aussi",
    "lire aussi",
    "voir aussi",
    "le puede interesar",
    "lee también",
    "leia também",
    "veja também",
    "temas relacionados",
    "contenido relacionado",
    "leggi anche",
    // Picture credits.
    "photo:",
    "photos:",
    "photo credit",
    "foto:",
    "fotos:",
    "bild:",
    "bilder:",
    "bildquelle",
    "titelbild",
    "beitragsbild",
    "credit:",
    "credits:",
    "crédits photo",
    "image:",
    "image credit",
    "quelle:",
    "source:",
    "auch lesen:",
    "verwandte artikel",
    "alle artikel zu",
    "vorschau auf den nächsten",
    "diese beiträge solltest",
    // Follow prompts.
    "síguenos",
    "siguenos",
    "nos siga",
    "folgen sie uns",
    "folge uns",
    "suivez-nous",
    "sie sind aktuell nicht eingeloggt",
    "sie sind nicht eingeloggt",
    // App and subscription prompts.
    "download the ",
    "download our ",
    "get the app",
    "if you enjoyed",
    "if you liked",
    "support our journalism",
    "unterstützen sie",
];

/// Phrases that make a short line (at most 220 characters) a prompt, a disclaimer or a
/// notice rather than article text: paywalls and membership or donation appeals, reader
/// feedback, advertising disclosures, reprint and opinion disclaimers.
const NOTICE_PHRASES: &[(&str, &str)] = &[
    ("to view the full story", "paywall prompt"),
    ("for the full story", "paywall prompt"),
    ("already a subscriber", "paywall prompt"),
    ("subscribe now", "paywall prompt"),
    ("to continue reading", "paywall prompt"),
    ("pour lire la suite", "paywall prompt"),
    ("pour accéder en illimité", "paywall prompt"),
    ("abonnez-vous", "paywall prompt"),
    ("jetzt weiterlesen", "paywall prompt"),
    ("vorteile sichern", "paywall prompt"),
    ("jetzt abo", "paywall prompt"),
    ("hazte miembro", "membership appeal"),
    ("suscríbete", "membership appeal"),
    ("become a member", "membership appeal"),
    ("become a patron", "membership appeal"),
    ("jede kleine spende", "donation appeal"),
    ("jetzt spenden", "donation appeal"),
    ("donate now", "donation appeal"),
    ("affiliate-link", "advertising disclosure"),
    ("affiliate link", "advertising disclosure"),
    ("enthält werbung", "advertising disclosure"),
    ("contains references to products", "advertising disclosure"),
    ("this post may contain affiliate", "advertising disclosure"),
    ("copyrighted property of", "copyright line"),
    ("written permission must be obtained", "copyright line"),
    ("nachdruck nur mit", "copyright line"),
    ("meinung des autors wieder", "opinion disclaimer"),
    ("do not necessarily reflect", "opinion disclaimer"),
    ("alle angaben ohne gewähr", "disclaimer"),
];

/// Words that say a short question is about the page itself ("Was this article helpful?").
const PAGE_WORDS: &[&str] =
    &["article", "artikel", "beitrag", "post", "story", "recipe", "rezept", "magazin", "magazine", "seite"];

/// Words that make a short question about the page a feedback prompt.
const FEEDBACK_WORDS: &[&str] = &[
    "helpful",
    "useful",
    "like",
    "enjoy",
    "share",
    "rate",
    "nützlich",
    "hilfreich",
    "teilen",
    "gefällt",
    "gefallen",
    "bewerten",
];

/// Is this short line a feedback prompt about the page ("War der Artikel nützlich?")?
fn feedback_prompt(key: &str, chars: usize) -> bool {
    // The question may be followed by a short call to act ("Like recipe? Add it to your basket.").
    let Some(q) = key.find('?') else { return false };
    let key = &key[..=q];
    if chars > 160 || key.chars().count() > 70 {
        return false;
    }
    let words: Vec<&str> =
        key.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let about_page = words.iter().any(|w| PAGE_WORDS.iter().any(|p| w.starts_with(p)));
    about_page && words.iter().any(|w| FEEDBACK_WORDS.contains(w))
}

/// Why a line is page debris, or `None` if it may be article text.
pub fn debris_reason(line: &str) -> Option<&'static str> {
    let key = line_key(line);
    if key.is_empty() {
        return None;
    }
    let chars = key.chars().count();
    let bare = key.trim_matches(|c: char| !c.is_alphanumeric());
    if key.contains("content is protected")
        || key.contains("copying is not allowed")
        || key.contains("copy protected")
        || (key.contains("right click") && key.contains("disabled"))
        || key.contains("inhalt ist geschützt")
    {
        return Some("copy-protection notice");
    }
    if chars <= 40 && FURNITURE_LINES.iter().any(|f| *f == bare || *f == key) {
        return Some("page furniture");
    }
    if chars <= 160 {
        let words: Vec<&str> = key.split(' ').collect();
        let sharing = words
            .iter()
            .filter(|w| SHARE_WORDS.contains(&w.trim_matches(|c: char| c == ':' || c == ',')))
            .count();
        let has_network = words.iter().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "share" | "tweet" | "facebook" | "twitter" | "linkedin" | "whatsapp" | "pinterest" | "teilen"
            )
        });
        if has_network && sharing == words.len() {
            return Some("share buttons");
        }
        if PROMPT_STARTS.iter().any(|p| key.starts_with(p)) {
            return Some("prompt");
        }
    }
    if chars <= 220 || chars <= 400 && (key.starts_with('©') || key.starts_with("(c) ")) {
        if let Some((_, why)) = NOTICE_PHRASES.iter().find(|(p, _)| key.contains(p)) {
            return Some(why);
        }
        if (key.starts_with("anzeige") || key.starts_with("*anzeige") || key.starts_with("*werbung"))
            && chars <= 120
        {
            return Some("advertising disclosure");
        }
        if (key.contains("download the ") || key.contains("download our "))
            && (key.contains(" app ") || key.contains(" apps ") || key.ends_with(" app."))
        {
            return Some("prompt");
        }
    }
    if chars <= 60
        && [
            " bei facebook",
            " on facebook",
            " auf facebook",
            " on instagram",
            " auf instagram",
            " on twitter",
        ]
        .iter()
        .any(|n| bare.ends_with(n.trim_start()) && key.contains(n))
    {
        return Some("follow prompt");
    }
    if feedback_prompt(&key, chars) {
        return Some("feedback prompt");
    }
    if chars <= 40 && is_timestamp_line(&key) {
        return Some("date line");
    }
    if chars <= 200
        && (key.starts_with('©')
            || key.starts_with("(c) ")
            || key.starts_with("copyright")
            || key.starts_with("urheberrecht"))
    {
        return Some("copyright line");
    }
    if chars <= 250 && (key.contains("all rights reserved") || key.contains("alle rechte vorbehalten")) {
        return Some("copyright line");
    }
    if chars <= 400
        && key.contains("cookie")
        && [
            "we use",
            "this site uses",
            "this website uses",
            "accept",
            "consent",
            "cookie policy",
            "cookie settings",
            "verwendet cookies",
            "nutzt cookies",
            "akzeptieren",
            "zustimm",
        ]
        .iter()
        .any(|p| key.contains(p))
    {
        return Some("cookie notice");
    }
    if chars <= 200
        && key.contains("newsletter")
        && ["subscribe", "sign up", "get ", "join", "abonn", "anmelden"].iter().any(|p| key.contains(p))
    {
        return Some("newsletter prompt");
    }
    None
}

/// A line that is only a date or a time, with at most a short label ("Updated: 3 May 2021").
fn is_timestamp_line(key: &str) -> bool {
    let has_time = key.split(|c: char| !c.is_ascii_digit() && c != ':').any(|t| {
        let mut parts = t.split(':');
        matches!((parts.next(), parts.next()), (Some(h), Some(m)) if (1..=2).contains(&h.len()) && m.len() == 2)
    });
    let has_date = crate::dates::find_calendar_date(key).is_some();
    if !has_time && !has_date {
        return false;
    }
    let words = key.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 3).count();
    words <= 2
}

/// Does a line look like a headline (short, no sentence-final punctuation)?
fn headline_like(line: &str) -> bool {
    let n = line.chars().count();
    (3..=200).contains(&n) && !line.ends_with(['.', ',', ';', ':']) && line.chars().any(char::is_alphabetic)
}

/// Normalise plain text and, when `clean` is set, drop page debris.
///
/// A headline printed twice at the top becomes [`Cleaned::title`] and leaves the text.
pub fn clean_plain_text(raw: &str, clean: bool) -> Cleaned {
    let text = normalise(raw);
    if !clean {
        return Cleaned { text, title: None, dropped: 0 };
    }
    // Lines with a flag for "blank line before".
    let mut lines: Vec<(&str, bool)> = Vec::new();
    let mut blank_before = false;
    for line in text.split('\n') {
        if line.is_empty() {
            blank_before = true;
        } else {
            lines.push((line, blank_before));
            blank_before = false;
        }
    }
    let mut keep = vec![true; lines.len()];
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut dropped = 0;
    for (i, (line, _)) in lines.iter().enumerate() {
        let key = line_key(line);
        let has_letters = key.chars().any(char::is_alphanumeric);
        let debris = debris_reason(line).is_some() || !has_letters && key.chars().count() > 2;
        if debris || key.chars().count() <= 300 && !seen.insert(key) {
            keep[i] = false;
        }
        if !keep[i] {
            dropped += 1;
        }
    }
    // A headline repeated among the first lines: it is the title, not text.
    let mut title = None;
    if let Some(first) = lines.first().map(|l| l.0) {
        let first_key = line_key(first);
        let repeated = lines.iter().skip(1).take(4).any(|(l, _)| line_key(l) == first_key);
        if repeated && headline_like(first) {
            title = Some(first.trim().to_string());
            keep[0] = false;
            dropped += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_blank = false;
    for (i, (line, blank)) in lines.iter().enumerate() {
        pending_blank |= *blank;
        if !keep[i] {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        out.push_str(line);
    }
    Cleaned { text: out, title, dropped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_line_ends_controls_and_blank_runs() {
        assert_eq!(
            normalise("\u{feff}One\r\nTwo  \r\n\r\n\r\n\u{0}Three\u{a0}four\n\n"),
            "One\nTwo\n\nThree four"
        );
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("\n \n\t\n"), "");
    }

    #[test]
    fn repeated_headline_becomes_title() {
        let raw = "Storm hits coast\n\nStorm hits coast\n\nThe storm arrived on Monday.\n\nShare:\nerror: Content is protected !!\n";
        let c = clean_plain_text(raw, true);
        assert_eq!(c.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(c.text, "The storm arrived on Monday.");
        assert_eq!(c.dropped, 4);
    }

    #[test]
    fn single_headline_is_kept() {
        let c = clean_plain_text("Storm hits coast\n\nThe storm arrived on Monday.", true);
        assert_eq!(c.title, None);
        assert_eq!(c.text, "Storm hits coast\n\nThe storm arrived on Monday.");
    }

    #[test]
    fn boilerplate_lines_go_and_sentences_stay() {
        let raw = "Officials met on Tuesday.\n\
                   Share this article\n\
                   Facebook Twitter WhatsApp Email\n\
                   Sign up for our daily newsletter\n\
                   We use cookies to improve your experience. Accept all\n\
                   © 2023 Example Media Ltd\n\
                   Copyright 2021 Acme News. All rights reserved.\n\
                   Advertisement\n\
                   The court ruled that the cookie maker owed damages to its customers over the recall.\n\
                   He said the copyright dispute was settled.";
        let c = clean_plain_text(raw, true);
        assert_eq!(
            c.text,
            "Officials met on Tuesday.\n\
             The court ruled that the cookie maker owed damages to its customers over the recall.\n\
             He said the copyright dispute was settled."
        );
        assert_eq!(c.dropped, 7);
    }

    #[test]
    fn german_debris() {
        assert!(debris_reason("Teilen").is_some());
        assert_eq!(debris_reason("Alle Rechte vorbehalten."), Some("copyright line"));
        assert_eq!(debris_reason("Diese Website verwendet Cookies. Akzeptieren"), Some("cookie notice"));
        assert_eq!(debris_reason("Die Regierung hat am Montag beschlossen, die Steuern zu senken."), None);
    }

    #[test]
    fn date_lines_and_pointers() {
        assert_eq!(debris_reason("20:37"), Some("date line"));
        assert_eq!(debris_reason("Aktualisiert: 23.10.2018, 14:05"), Some("date line"));
        assert_eq!(debris_reason("11 Jan 2019"), Some("date line"));
        assert_eq!(debris_reason("The meeting on 11 Jan 2019 ended early."), None);
        assert_eq!(debris_reason("Foto: dpa"), Some("prompt"));
        assert_eq!(debris_reason("Zobacz również"), Some("prompt"));
    }

    #[test]
    fn prompts_disclosures_and_labels() {
        assert_eq!(debris_reason("War der Artikel nützlich?"), Some("feedback prompt"));
        assert_eq!(debris_reason("Was this article helpful?"), Some("feedback prompt"));
        assert_eq!(
            debris_reason("Like recipe? Add the ingredients to your basket."),
            Some("feedback prompt")
        );
        assert_eq!(debris_reason("Did the minister like the plan?"), None);
        assert_eq!(
            debris_reason("To view the full story, please subscribe to The Daily."),
            Some("paywall prompt")
        );
        assert_eq!(debris_reason("Pour lire la suite, abonnez-vous"), Some("paywall prompt"));
        assert_eq!(
            debris_reason("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."),
            Some("advertising disclosure")
        );
        assert_eq!(debris_reason("Anzeige, enthält Affiliate Links"), Some("advertising disclosure"));
        assert_eq!(
            debris_reason("© 2022, Example News. This article is the copyrighted property of Example News."),
            Some("copyright line")
        );
        assert_eq!(debris_reason("Über den Autor"), Some("page furniture"));
        assert_eq!(debris_reason("Zum Weiterlesen:"), Some("page furniture"));
        assert_eq!(debris_reason("Download the Example News app for iOS and Android."), Some("prompt"));
        assert_eq!(debris_reason("Síguenos en Telegram, Instagram y Facebook"), Some("prompt"));
        assert_eq!(debris_reason("Lokalzeitung Musterstadt bei Facebook"), Some("follow prompt"));
        assert_eq!(debris_reason("Verwandte Artikel"), Some("page furniture"));
        assert_eq!(debris_reason("Er schrieb bei Facebook, die Regierung habe am Montag gelogen."), None);
        // Article sentences with the same words stay.
        assert_eq!(debris_reason("The app was downloaded a million times, the company said."), None);
        assert_eq!(
            debris_reason(
                "Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen, sagte die Polizei."
            ),
            None
        );
    }

    #[test]
    fn repeated_short_lines_are_dropped_once_seen() {
        let c =
            clean_plain_text("A first paragraph.\n\nRead the rules\n\nMiddle text.\n\nRead the rules", true);
        assert_eq!(c.text, "A first paragraph.\n\nRead the rules\n\nMiddle text.");
    }

    #[test]
    fn cleaning_can_be_switched_off() {
        let c = clean_plain_text("Share:\r\nText", false);
        assert_eq!(c.text, "Share:\nText");
        assert_eq!(c.dropped, 0);
    }
}
