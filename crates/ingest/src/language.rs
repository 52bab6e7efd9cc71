//! Language identification with `whatlang`, reported as ISO 639-1 codes.
//!
//! Detection looks at the first few thousand characters of the clean text. A page's own
//! declaration (`<html lang>`, a JSON field) is used when the text is too short for a
//! reliable guess. This module only labels documents; deciding what to skip is the
//! pipeline's business.

use newsgraph_model::{Document, Severity};

/// How much text (bytes) detection looks at.
const SAMPLE_BYTES: usize = 4000;

/// A detected language.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code (`en`, `de`).
    pub code: &'static str,
    /// English name of the language.
    pub name: &'static str,
    /// `whatlang`'s confidence, 0 to 1.
    pub confidence: f64,
    /// Whether `whatlang` considers the guess reliable.
    pub reliable: bool,
}

/// Detect the language of a text; `None` when there is too little text or no known code.
pub fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    let code = iso639_1(info.lang().code())?;
    Some(Detected {
        code,
        name: info.lang().eng_name(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// ISO 639-1 code for one of `whatlang`'s ISO 639-3 codes.
pub fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

/// The primary subtag of a declared language (`de-DE` → `de`), if it looks like one.
pub fn declared_code(declared: &str) -> Option<String> {
    let primary = declared.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

/// Set `doc.meta.language` from the text (or the declaration when the text says too
/// little), and warn when the document is not in English.
///
/// Only a reliable detection or a declaration labels a document. An unreliable guess on
/// short text (`whatlang` reads many English briefs as Afrikaans or Latin) is not acted on:
/// an unreliable English guess is kept as `en`, any other leaves the language unset with an
/// Info diagnostic, so a short English brief is never skipped as foreign.
pub fn assign(doc: &mut Document, declared: Option<&str>) {
    let declared = declared.and_then(declared_code);
    let detected = detect(&doc.text);
    let code = match (&detected, &declared) {
        (Some(d), _) if d.reliable => Some(d.code.to_string()),
        (_, Some(decl)) => Some(decl.clone()),
        (Some(d), None) if d.code == "en" => Some("en".to_string()),
        (Some(d), None) => {
            doc.diagnose(
                Severity::Info,
                "ingest",
                format!(
                    "language left unset: the text is too short for a reliable guess (`{}`, confidence {:.2})",
                    d.code, d.confidence
                ),
            );
            None
        }
        (None, None) => None,
    };
    if let (Some(d), Some(decl)) = (&detected, &declared) {
        if d.reliable && d.code != decl {
            doc.diagnose(
                Severity::Info,
                "ingest",
                format!("page declares language `{decl}` but its text reads as {} (`{}`)", d.name, d.code),
            );
        }
    }
    match code.as_deref() {
        Some("en") => {}
        Some(other) => doc.diagnose(
            Severity::Warning,
            "ingest",
            format!("language is `{other}`, not English: English models do not apply"),
        ),
        None if detected.is_none() && !doc.text.trim().is_empty() => {
            doc.diagnose(Severity::Info, "ingest", "language could not be identified")
        }
        None => {}
    }
    doc.meta.language = code;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german() {
        let en =
            detect("The government said on Monday that it would not send weapons to the region.").unwrap();
        assert_eq!(en.code, "en");
        let de = detect("Die Regierung sagte am Montag, dass sie keine Waffen in die Region schicken werde.")
            .unwrap();
        assert_eq!(de.code, "de");
    }

    #[test]
    fn non_english_is_labelled_and_warned() {
        let mut doc = Document::new(
            "d",
            "Die Regierung sagte am Montag, dass sie keine Waffen in die Region schicken werde.",
        );
        assign(&mut doc, None);
        assert_eq!(doc.meta.language.as_deref(), Some("de"));
        assert!(doc
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("`de`")));
    }

    #[test]
    fn english_has_no_warning_and_declaration_fills_in_for_short_text() {
        let mut doc =
            Document::new("d", "The government said on Monday that it would not send weapons to the region.");
        assign(&mut doc, Some("en-US"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert!(doc.diagnostics.is_empty());
        let mut short = Document::new("s", "OK");
        assign(&mut short, Some("fr-FR"));
        assert_eq!(short.meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn declared_codes() {
        assert_eq!(declared_code("de-DE").as_deref(), Some("de"));
        assert_eq!(declared_code("EN_us").as_deref(), Some("en"));
        assert_eq!(declared_code("english"), None);
    }

    /// Short English briefs (two or three sentences) written for this test.
    const BRIEFS: [&str; 6] = [
        "Police closed the bridge on Tuesday. A spokesman said it would reopen at noon.",
        "The mayor resigned. Her deputy takes over until the vote in May.",
        "Shares fell 3% in early trading. Analysts blamed weak demand in Asia.",
        "Rain is expected across the south. Drivers were told to take care.",
        "The club signed a new striker on a two-year deal. Terms were not disclosed.",
        "Fire crews tackled a blaze at a warehouse in Leeds. No one was hurt. The cause is not known.",
    ];

    fn warnings(doc: &Document) -> usize {
        doc.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    #[test]
    fn short_english_briefs_are_never_labelled_foreign() {
        for brief in BRIEFS {
            let mut doc = Document::new("b", brief);
            assign(&mut doc, None);
            assert!(
                doc.meta.language.as_deref().is_none_or(|l| l == "en"),
                "{brief:?} labelled {:?}",
                doc.meta.language
            );
            assert_eq!(warnings(&doc), 0, "{brief:?}: {:?}", doc.diagnostics);
        }
    }

    #[test]
    fn an_unreliable_foreign_guess_leaves_the_language_unset_with_a_note() {
        // Find a brief whose guess is unreliable and not English, and check what happens to it;
        // at least one of these short texts must be such a case for the rule to be exercised.
        let mut exercised = 0;
        for brief in BRIEFS.iter().chain(["Fire at depot. Two hurt.", "Bridge shut. Reopens noon."].iter()) {
            let Some(d) = detect(brief) else { continue };
            if d.reliable || d.code == "en" {
                continue;
            }
            exercised += 1;
            let mut doc = Document::new("b", *brief);
            assign(&mut doc, None);
            assert_eq!(doc.meta.language, None);
            assert_eq!(doc.diagnostics.len(), 1);
            assert_eq!(doc.diagnostics[0].severity, Severity::Info);
            assert!(doc.diagnostics[0].message.contains("language left unset"));
        }
        assert!(exercised > 0, "no test text gave an unreliable foreign guess");
    }

    #[test]
    fn a_declaration_decides_when_the_guess_is_unreliable() {
        let mut doc = Document::new("b", "Bridge shut. Reopens noon.");
        assign(&mut doc, Some("en-GB"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn real_foreign_paragraphs_are_recognised_without_a_declaration() {
        let cases = [
            (
                "de",
                "Der Stadtrat hat am Mittwochabend beschlossen, die alte Brücke über den Fluss abzureißen. \
                 Die Bauarbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern. Anwohner hatten \
                 sich lange gegen den Neubau gewehrt, weil sie mehr Verkehr befürchten.",
            ),
            (
                "fr",
                "Le conseil municipal a décidé mercredi soir de démolir le vieux pont sur la rivière. \
                 Les travaux devraient commencer au printemps et durer environ deux ans. Les riverains \
                 s'étaient longtemps opposés au projet, car ils craignent davantage de circulation.",
            ),
            (
                "zh",
                "市议会星期三晚上决定拆除河上的旧桥。工程预计明年春天开始，大约需要两年时间。\
                 附近居民长期反对这个项目，因为他们担心交通会更加拥挤。",
            ),
        ];
        for (code, text) in cases {
            let mut doc = Document::new("p", text);
            assign(&mut doc, None);
            assert_eq!(doc.meta.language.as_deref(), Some(code), "{text}");
            assert_eq!(warnings(&doc), 1);
            assert!(doc.diagnostics.iter().any(|d| d.message.contains(&format!("`{code}`, not English"))));
        }
    }
}
