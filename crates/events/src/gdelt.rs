//! GDELT 2.0 exports: Events (61 columns), Mentions (16) and GKG 2.1 (27) rows from an
//! analysed document, tab-separated, column for column as GDELT publishes them, so that
//! existing GDELT tooling reads them.
//!
//! GDELT files have no header line; [`EVENTS_COLUMNS`], [`MENTIONS_COLUMNS`] and
//! [`GKG_COLUMNS`] name the columns for those who want one. Columns newsgraph cannot fill
//! (latitude and longitude, GDELT's theme taxonomy and GCAM dictionaries, ethnic codes) are
//! left empty, which GDELT's schema allows for every column; `docs/events.md` lists each and
//! what it holds instead. Tone comes from a small lexicon of the project's, not GDELT's.

use crate::actors::units;
use crate::dictionary::ActorDictionary;
use crate::{codebook, dictionary};
use newsgraph_model::{CharIndex, Document, EntityKind, Event, MentionKind, Modality, Span};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::OnceLock;

/// The 61 columns of a GDELT 2.0 Events row.
pub const EVENTS_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of a GDELT 2.0 Mentions row.
pub const MENTIONS_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// The 27 columns of a GDELT GKG 2.1 row.
pub const GKG_COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "DATE",
    "SourceCollectionIdentifier",
    "SourceCommonName",
    "DocumentIdentifier",
    "Counts",
    "V2Counts",
    "Themes",
    "V2Themes",
    "Locations",
    "V2Locations",
    "Persons",
    "V2Persons",
    "Organizations",
    "V2Organizations",
    "V2Tone",
    "Dates",
    "GCAM",
    "SharingImage",
    "RelatedImages",
    "SocialImageEmbeds",
    "SocialVideoEmbeds",
    "Quotations",
    "AllNames",
    "Amounts",
    "TranslationInfo",
    "Extras",
];

/// What the caller decides about an export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// GLOBALEVENTID of the document's first event; the others follow in order.
    pub first_event_id: u64,
    /// DATEADDED (YYYYMMDDHHMMSS): when the rows were made. Defaults to the publication date
    /// at midnight.
    pub date_added: Option<u64>,
    /// Sequence number of the document in its batch, for the GKG record id.
    pub record_number: u64,
}

/// Codes that are roles, not countries or groups.
const ROLE_UNITS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "REB", "OPP", "MED", "EDU", "BUS", "CVL", "HLH", "REF", "LAB", "AGR", "SPY",
    "LEG", "SEP", "HRI", "ELI", "UAF", "INS", "PPL", "DEV", "ENV", "CRM", "MOD", "RAD", "SET", "PTY", "KID",
];
/// Religion codes.
const RELIGION_UNITS: &[&str] =
    &["MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "PRO", "ORT", "SIK"];
/// Prefixes of international actors.
const INTERNATIONAL_UNITS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "INT"];

/// Actor columns split out of a code.
#[derive(Clone, Debug, Default, PartialEq)]
struct ActorColumns {
    code: String,
    name: String,
    country: String,
    known_group: String,
    religion: [String; 2],
    types: [String; 3],
}

fn actor_columns(code: &str, name: &str, dictionary: &ActorDictionary) -> ActorColumns {
    let u = units(code);
    let mut out = ActorColumns {
        code: code.to_string(),
        name: name.to_uppercase().replace('\t', " "),
        ..Default::default()
    };
    if let Some(first) = u.first() {
        if dictionary.country(first).is_some() {
            out.country = first.to_string();
        }
    }
    let mut religions = Vec::new();
    let mut types = Vec::new();
    for unit in &u {
        if RELIGION_UNITS.contains(unit) {
            religions.push(unit.to_string());
        } else if ROLE_UNITS.contains(unit) {
            types.push(unit.to_string());
        }
    }
    if u.len() >= 2 {
        let last = u[u.len() - 1];
        let grouped = INTERNATIONAL_UNITS.contains(&u[0]) || !out.country.is_empty();
        if grouped
            && !ROLE_UNITS.contains(&last)
            && !RELIGION_UNITS.contains(&last)
            && dictionary.country(last).is_none()
        {
            out.known_group = last.to_string();
        }
    }
    for (slot, r) in out.religion.iter_mut().zip(religions) {
        *slot = r;
    }
    for (slot, t) in out.types.iter_mut().zip(types) {
        *slot = t;
    }
    out
}

/// A place for the geography columns: type 1 (country), full name, FIPS code.
#[derive(Clone, Debug, Default, PartialEq)]
struct Geo {
    kind: u8,
    name: String,
    fips: String,
}

fn geo_of(code: &str, dictionary: &ActorDictionary) -> Option<Geo> {
    let first = units(code).into_iter().next()?;
    let facts = dictionary.country(first)?;
    Some(Geo { kind: 1, name: facts.name.clone(), fips: facts.fips.clone() })
}

fn push_geo(row: &mut Vec<String>, geo: Option<&Geo>) {
    match geo {
        // Type, FullName, CountryCode, ADM1Code (the country's code at country resolution),
        // ADM2Code, Lat, Long, FeatureID (the country's code, as GDELT writes it).
        Some(g) => row.extend([
            g.kind.to_string(),
            g.name.clone(),
            g.fips.clone(),
            g.fips.clone(),
            String::new(),
            String::new(),
            String::new(),
            g.fips.clone(),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 8)),
    }
}

/// The document's date as YYYYMMDD, if known.
fn sql_date(doc: &Document) -> Option<u32> {
    crate::actors::document_date(doc)
}

fn date_added(doc: &Document, options: &ExportOptions) -> String {
    match (options.date_added, sql_date(doc)) {
        (Some(d), _) => d.to_string(),
        (None, Some(d)) => format!("{d}000000"),
        (None, None) => String::new(),
    }
}

/// YYYY.FFFF: the year and the share of it completed by the day.
fn fraction_date(date: u32) -> String {
    let (year, month, day) = (date / 10000, (date / 100) % 100, date % 100);
    const DAYS_BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_index = (month.clamp(1, 12) - 1) as usize;
    let day_of_year = DAYS_BEFORE[month_index] + day.clamp(1, 31) + u32::from(leap && month > 2);
    let days = if leap { 366.0 } else { 365.0 };
    let share = ((day_of_year as f64 / days) * 10000.0).floor() as u32;
    format!("{year}.{:04}", share.min(9999))
}

fn source_identifier(doc: &Document) -> (u8, String, String) {
    match doc.meta.url.as_deref() {
        Some(url) => {
            let host = url
                .split("://")
                .nth(1)
                .unwrap_or(url)
                .split('/')
                .next()
                .unwrap_or("")
                .trim_start_matches("www.")
                .to_string();
            let name = doc.meta.outlet.clone().filter(|o| !o.is_empty()).unwrap_or(host);
            (1, clean(&name), clean(url))
        }
        None => (2, clean(doc.meta.outlet.as_deref().unwrap_or("")), clean(&doc.id)),
    }
}

/// A field may not hold tabs or line breaks.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

/// Name of an event side for the Name column: the entity's canonical name, else the words
/// that name it, else the country's name.
fn side_name(
    doc: &Document,
    entity: Option<u32>,
    mention: Option<Span>,
    code: &str,
    d: &ActorDictionary,
) -> String {
    if let Some(e) = entity.and_then(|e| doc.entities.get(e as usize)) {
        return e.name.clone();
    }
    if let Some(m) = mention {
        let words = doc.slice(m).trim();
        if !words.is_empty() && words.len() < 120 {
            return words.trim_start_matches("the ").trim_start_matches("The ").to_string();
        }
    }
    units(code).first().and_then(|u| d.country(u)).map(|c| c.name.clone()).unwrap_or_default()
}

/// Where the action took place: a country named after "in" in the event's sentence, else the
/// target's country, else the source's.
fn action_geo(doc: &Document, event: &Event, d: &ActorDictionary) -> Option<Geo> {
    if let Some(s) = doc.sentence_at(event.cue.start) {
        let tokens = doc.sentence_tokens(&doc.sentences[s]);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(&doc.text)).collect();
        for hit in d.find_names(&words) {
            let entry = d.entry(hit.entry);
            let after_in = hit.start > 0 && words[hit.start - 1].eq_ignore_ascii_case("in");
            let place = matches!(
                entry.kind,
                dictionary::EntryKind::Country
                    | dictionary::EntryKind::Capital
                    | dictionary::EntryKind::Place
            );
            if after_in && place {
                if let Some(g) = geo_of(&entry.code, d) {
                    return Some(g);
                }
            }
        }
    }
    event.target.as_ref().and_then(|t| geo_of(&t.code, d)).or_else(|| geo_of(&event.source.code, d))
}

/// Tone of a text, as GDELT measures it: positive words less negative words per hundred
/// words; also the positive and negative scores, polarity and word count.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tone {
    /// Positive score minus negative score.
    pub tone: f64,
    /// Positive words per hundred words.
    pub positive: f64,
    /// Negative words per hundred words.
    pub negative: f64,
    /// Positive plus negative score.
    pub polarity: f64,
    /// Words counted.
    pub words: usize,
}

fn tone_lexicon() -> &'static (HashSet<&'static str>, HashSet<&'static str>) {
    static LEXICON: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut positive = HashSet::new();
        let mut negative = HashSet::new();
        for line in include_str!("../data/tone.txt").lines() {
            if let Some(words) = line.strip_prefix("+ ") {
                positive.extend(words.split_whitespace());
            } else if let Some(words) = line.strip_prefix("- ") {
                negative.extend(words.split_whitespace());
            }
        }
        (positive, negative)
    })
}

/// The tone of a text (see [`Tone`]).
pub fn tone(text: &str) -> Tone {
    let (positive, negative) = tone_lexicon();
    let mut t = Tone::default();
    let (mut pos, mut neg) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-') {
        if word.is_empty() {
            continue;
        }
        t.words += 1;
        let lower = word.to_lowercase();
        if positive.contains(lower.as_str()) {
            pos += 1;
        } else if negative.contains(lower.as_str()) {
            neg += 1;
        }
    }
    if t.words > 0 {
        t.positive = 100.0 * pos as f64 / t.words as f64;
        t.negative = 100.0 * neg as f64 / t.words as f64;
        t.tone = t.positive - t.negative;
        t.polarity = t.positive + t.negative;
    }
    t
}

fn number(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Confidence written in the Mentions table: newsgraph's own scale by modality (GDELT's is
/// not published): asserted 100, reported 80, planned 70, hypothetical 50.
pub fn confidence(modality: Modality) -> u8 {
    match modality {
        Modality::Asserted => 100,
        Modality::Reported => 80,
        Modality::Planned => 70,
        Modality::Hypothetical => 50,
    }
}

/// True when the event is in the article's lead: its first paragraph after the headline.
fn is_root_event(doc: &Document, event: &Event) -> bool {
    let paragraph = doc.paragraphs.iter().position(|p| p.contains_offset(event.cue.start));
    match paragraph {
        Some(p) => p <= 1,
        None => doc.sentence_at(event.cue.start).is_some_and(|s| s < 2),
    }
}

/// The Events rows of a document, one per event, without line ends.
pub fn events_rows(doc: &Document, options: &ExportOptions) -> Vec<String> {
    let d = ActorDictionary::builtin();
    let tone = tone(&doc.text).tone;
    let date = sql_date(doc);
    let added = date_added(doc, options);
    let (_, _, identifier) = source_identifier(doc);
    let mut rows = Vec::with_capacity(doc.events.len());
    for (i, e) in doc.events.iter().enumerate() {
        let Some(entry) = codebook::lookup(&e.cameo) else { continue };
        let mut row: Vec<String> = Vec::with_capacity(61);
        row.push((options.first_event_id + i as u64).to_string());
        match date {
            Some(date) => row.extend([
                date.to_string(),
                (date / 100).to_string(),
                (date / 10000).to_string(),
                fraction_date(date),
            ]),
            None => row.extend(std::iter::repeat_n(String::new(), 4)),
        }
        let a1 = actor_columns(
            &e.source.code,
            &side_name(doc, e.source.entity, e.source.mention, &e.source.code, &d),
            &d,
        );
        let a2 = e
            .target
            .as_ref()
            .map(|t| actor_columns(&t.code, &side_name(doc, t.entity, t.mention, &t.code, &d), &d))
            .unwrap_or_default();
        for a in [&a1, &a2] {
            row.extend([
                a.code.clone(),
                clean(&a.name),
                a.country.clone(),
                a.known_group.clone(),
                String::new(),
                a.religion[0].clone(),
                a.religion[1].clone(),
                a.types[0].clone(),
                a.types[1].clone(),
                a.types[2].clone(),
            ]);
        }
        let mentions = doc
            .events
            .iter()
            .filter(|o| {
                o.cameo == e.cameo
                    && o.source.code == e.source.code
                    && o.target.as_ref().map(|t| &t.code) == e.target.as_ref().map(|t| &t.code)
            })
            .count();
        row.extend([
            u8::from(is_root_event(doc, e)).to_string(),
            entry.code.to_string(),
            entry.base().to_string(),
            entry.root().to_string(),
            entry.quad_class.to_string(),
            number(entry.goldstein as f64),
            mentions.to_string(),
            "1".to_string(),
            "1".to_string(),
            number(tone),
        ]);
        push_geo(&mut row, geo_of(&e.source.code, &d).as_ref());
        push_geo(&mut row, e.target.as_ref().and_then(|t| geo_of(&t.code, &d)).as_ref());
        push_geo(&mut row, action_geo(doc, e, &d).as_ref());
        row.push(added.clone());
        row.push(identifier.clone());
        debug_assert_eq!(row.len(), 61);
        rows.push(row.join("\t"));
    }
    rows
}

/// The Mentions rows of a document: one per event, as mentioned in this document.
pub fn mentions_rows(doc: &Document, options: &ExportOptions) -> Vec<String> {
    let index = CharIndex::new(&doc.text);
    let tone = tone(&doc.text).tone;
    let added = date_added(doc, options);
    let (kind, name, identifier) = source_identifier(doc);
    let doc_len = doc.text.chars().count();
    let offset = |span: Option<Span>| span.map(|s| index.char_offset(s.start) as i64).unwrap_or(-1);
    doc.events
        .iter()
        .enumerate()
        .filter(|(_, e)| codebook::lookup(&e.cameo).is_some())
        .map(|(i, e)| {
            let sentence = doc.sentence_at(e.cue.start).map(|s| s + 1).unwrap_or(0);
            [
                (options.first_event_id + i as u64).to_string(),
                added.clone(),
                added.clone(),
                kind.to_string(),
                name.clone(),
                identifier.clone(),
                sentence.to_string(),
                offset(e.source.mention).to_string(),
                offset(e.target.as_ref().and_then(|t| t.mention)).to_string(),
                offset(Some(e.cue)).to_string(),
                "1".to_string(),
                confidence(e.modality).to_string(),
                doc_len.to_string(),
                number(tone),
                String::new(),
                String::new(),
            ]
            .join("\t")
        })
        .collect()
}

/// Counts of people killed, wounded, arrested, kidnapped: (GDELT count type, number, object,
/// byte offset), from a number on the object of such a verb ("killing at least eight people").
fn counts(doc: &Document) -> Vec<(&'static str, u64, String, u32)> {
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        let word = t.text(&doc.text);
        let Some(n) = parse_number(word) else { continue };
        // The counted noun: the number's head.
        let Some(noun) = t.head.map(|h| h as usize).filter(|&h| h < doc.tokens.len() && h != i) else {
            continue;
        };
        // The verb the noun depends on.
        let Some(verb) = doc.tokens[noun].head.map(|h| h as usize).filter(|&h| h < doc.tokens.len()) else {
            continue;
        };
        let lemma = crate::lemma::verb_lemma(doc.tokens[verb].text(&doc.text), |_| false);
        let vword = doc.tokens[verb].text(&doc.text).to_lowercase();
        let kind = match (lemma.as_str(), vword.as_str()) {
            (_, "killed" | "killing" | "kills" | "kill") => "KILL",
            (_, "wounded" | "wounding" | "injured" | "injuring") => "WOUND",
            (_, "arrested" | "arresting" | "detained" | "detaining") => "ARREST",
            (_, "kidnapped" | "kidnapping" | "abducted" | "abducting") => "KIDNAP",
            _ => continue,
        };
        out.push((kind, n, doc.tokens[noun].text(&doc.text).to_lowercase(), t.span.start));
    }
    out
}

fn parse_number(word: &str) -> Option<u64> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = word.to_lowercase();
    if let Some(n) = WORDS.iter().position(|w| *w == lower) {
        return Some(n as u64);
    }
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    digits.parse().ok().filter(|&n: &u64| n > 0 && n < 10_000_000)
}

/// The GKG 2.1 row of a document, without a line end.
pub fn gkg_row(doc: &Document, options: &ExportOptions) -> String {
    let d = ActorDictionary::builtin();
    let index = CharIndex::new(&doc.text);
    let chars = |byte: u32| index.char_offset(byte);
    let added = date_added(doc, options);
    let (kind, name, identifier) = source_identifier(doc);
    let date = sql_date(doc).map(|d| format!("{d}000000")).unwrap_or_default();

    // Counts.
    let found = counts(doc);
    // CountType#Number#ObjectType#LocationType#FullName#CountryCode#ADM1#Lat#Long#FeatureID,
    // no location known (type 0); V2 adds the character offset.
    let counts_v1: Vec<String> = found.iter().map(|(k, n, o, _)| format!("{k}#{n}#{o}#0######")).collect();
    let counts_v2: Vec<String> =
        found.iter().map(|(k, n, o, at)| format!("{k}#{n}#{o}#0#######{}", chars(*at))).collect();

    // Locations: countries, capitals and places named in the text, at country resolution.
    let mut locations_v1: Vec<String> = Vec::new();
    let mut locations_v2: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(&doc.text)).collect();
        for hit in d.find_names(&words) {
            let entry = d.entry(hit.entry);
            if !matches!(
                entry.kind,
                dictionary::EntryKind::Country
                    | dictionary::EntryKind::Capital
                    | dictionary::EntryKind::Place
            ) {
                continue;
            }
            let Some(geo) = geo_of(&entry.code, &d) else { continue };
            let at = chars(tokens[hit.start].span.start);
            // Type#FullName#CountryCode#ADM1Code#[ADM2Code#]Lat#Long#FeatureID[#CharOffset];
            // no coordinates: the dictionary has none.
            locations_v2.push(format!("1#{}#{}#{}####{}#{at}", geo.name, geo.fips, geo.fips, geo.fips));
            if seen.insert(geo.fips.clone()) {
                locations_v1.push(format!("1#{}#{}#{}###{}", geo.name, geo.fips, geo.fips, geo.fips));
            }
        }
    }

    // People and organisations, with the offsets of their name mentions.
    let mut persons = Vec::new();
    let mut persons_v2 = Vec::new();
    let mut orgs = Vec::new();
    let mut orgs_v2 = Vec::new();
    let mut all_names = Vec::new();
    for entity in &doc.entities {
        let name = clean(&entity.name).replace([';', ',', '#'], " ");
        if name.is_empty() {
            continue;
        }
        let offsets: Vec<u32> = entity
            .mentions
            .iter()
            .filter_map(|&m| doc.mentions.get(m as usize))
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| chars(m.span.start))
            .collect();
        let (list, list_v2) = match entity.kind {
            EntityKind::Person => (&mut persons, &mut persons_v2),
            EntityKind::Org => (&mut orgs, &mut orgs_v2),
            _ => {
                for at in &offsets {
                    all_names.push((*at, format!("{name},{at}")));
                }
                continue;
            }
        };
        list.push(name.to_lowercase());
        for at in &offsets {
            list_v2.push(format!("{name},{at}"));
            all_names.push((*at, format!("{name},{at}")));
        }
    }
    all_names.sort();

    // Quotations: offset|length|verb|quote.
    let quotations: Vec<String> = doc
        .quotes
        .iter()
        .map(|q| {
            let [start, end] = index.chars(q.span);
            let verb = q.cue.map(|c| doc.slice(c)).unwrap_or("");
            let text = clean(doc.slice(q.span)).replace(['#', '|'], " ");
            format!("{start}|{}|{}|{text}", end - start, clean(verb).replace(['#', '|'], " "))
        })
        .collect();

    // Amounts: a number and the noun it counts.
    let mut amounts = Vec::new();
    for t in &doc.tokens {
        let Some(n) = parse_number(t.text(&doc.text)) else { continue };
        if t.text(&doc.text).chars().all(|c| c.is_ascii_digit()) && (1900..=2100).contains(&n) {
            continue; // years
        }
        if let Some(h) = t.head.map(|h| h as usize).and_then(|h| doc.tokens.get(h)) {
            if h.upos.is_nominal() && h.span.start > t.span.start {
                amounts.push(format!(
                    "{n},{},{}",
                    clean(h.text(&doc.text)).replace([',', ';'], " "),
                    chars(t.span.start)
                ));
            }
        }
    }

    let t = tone(&doc.text);
    let v2tone = format!(
        "{},{},{},{},{},{},{}",
        number(t.tone),
        number(t.positive),
        number(t.negative),
        number(t.polarity),
        0,
        0,
        t.words
    );
    let mut extras = String::new();
    if let Some(title) = doc.meta.title.as_deref() {
        let _ = write!(extras, "<PAGE_TITLE>{}</PAGE_TITLE>", clean(title));
    }
    let record_id = format!(
        "{}-{}",
        if added.is_empty() { "0".to_string() } else { added.clone() },
        options.record_number
    );
    let fields: [String; 27] = [
        record_id,
        date,
        kind.to_string(),
        name,
        identifier,
        join(&counts_v1),
        join(&counts_v2),
        String::new(),
        String::new(),
        join(&locations_v1),
        join(&locations_v2),
        join(&persons),
        join(&persons_v2),
        join(&orgs),
        join(&orgs_v2),
        v2tone,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        quotations.join("#"),
        all_names.into_iter().map(|(_, n)| n).collect::<Vec<_>>().join(";"),
        join(&amounts),
        String::new(),
        extras,
    ];
    fields.join("\t")
}

fn join(list: &[String]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!("{};", list.join(";"))
    }
}

/// Write a document's Events rows, one per line; returns how many.
pub fn write_events(out: &mut impl Write, doc: &Document, options: &ExportOptions) -> io::Result<usize> {
    write_rows(out, events_rows(doc, options))
}

/// Write a document's Mentions rows, one per line; returns how many.
pub fn write_mentions(out: &mut impl Write, doc: &Document, options: &ExportOptions) -> io::Result<usize> {
    write_rows(out, mentions_rows(doc, options))
}

/// Write a document's GKG row.
pub fn write_gkg(out: &mut impl Write, doc: &Document, options: &ExportOptions) -> io::Result<usize> {
    write_rows(out, vec![gkg_row(doc, options)])
}

fn write_rows(out: &mut impl Write, rows: Vec<String>) -> io::Result<usize> {
    for row in &rows {
        out.write_all(row.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Entity, EventActor, Mention, Quote, QuoteKind, Sentence};

    fn sample() -> Document {
        let text = "China will not arm Russia, Hu said. “No weapons,” he said.";
        let mut doc = Document::new("d1", text);
        doc.meta.published = Some("2022-03-14".into());
        doc.meta.url = Some("https://www.usnews.com/news/china".into());
        doc.meta.title = Some("China signals".into());
        doc.paragraphs.push(Span::new(0, text.len()));
        doc.sentences.push(Sentence { span: Span::new(0, 35), tokens: 0..0 });
        doc.sentences.push(Sentence { span: Span::new(36, text.len()), tokens: 0..0 });
        doc.mentions.push(Mention::new(Span::new(27, 29), MentionKind::Name, EntityKind::Person));
        doc.entities.push(Entity {
            name: "Hu Xijin".into(),
            kind: EntityKind::Person,
            mentions: vec![0],
            descriptors: vec![],
            actor: Some("CHNMED".into()),
        });
        let cue_start = text.find("will").unwrap();
        doc.events.push(Event {
            source: EventActor { entity: None, mention: Some(Span::new(0, 5)), code: "CHN".into() },
            target: Some(EventActor { entity: None, mention: Some(Span::new(19, 25)), code: "RUS".into() }),
            cameo: "1222".into(),
            goldstein: -4.0,
            quad_class: 3,
            plover: "REJECT".into(),
            cue: Span::new(cue_start, cue_start + 14),
            negated: true,
            modality: Modality::Reported,
            attribution: None,
        });
        let q = text.find("No weapons").unwrap();
        doc.quotes.push(Quote {
            span: Span::new(q, q + 11),
            kind: QuoteKind::Direct,
            cue: Some(Span::new(text.len() - 5, text.len() - 1)),
            ..Quote::default()
        });
        doc
    }

    #[test]
    fn events_row_has_61_columns_in_gdelt_order() {
        let doc = sample();
        let rows = events_rows(&doc, &ExportOptions { first_event_id: 7, ..Default::default() });
        assert_eq!(rows.len(), 1);
        let cols: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(cols.len(), 61);
        let col = |name: &str| cols[EVENTS_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(col("GLOBALEVENTID"), "7");
        assert_eq!(col("SQLDATE"), "20220314");
        assert_eq!(col("MonthYear"), "202203");
        assert_eq!(col("FractionDate"), "2022.2000");
        assert_eq!(col("Actor1Code"), "CHN");
        assert_eq!(col("Actor1Name"), "CHINA");
        assert_eq!(col("Actor1CountryCode"), "CHN");
        assert_eq!(col("Actor2Code"), "RUS");
        assert_eq!(col("EventCode"), "1222");
        assert_eq!(col("EventBaseCode"), "122");
        assert_eq!(col("EventRootCode"), "12");
        assert_eq!(col("QuadClass"), "3");
        assert_eq!(col("GoldsteinScale"), "-4");
        assert_eq!(col("Actor1Geo_CountryCode"), "CH");
        assert_eq!(col("Actor2Geo_CountryCode"), "RS");
        assert_eq!(col("ActionGeo_CountryCode"), "RS");
        assert_eq!(col("DATEADDED"), "20220314000000");
        assert_eq!(col("SOURCEURL"), "https://www.usnews.com/news/china");
    }

    #[test]
    fn actor_columns_split_codes() {
        let d = ActorDictionary::builtin();
        let a = actor_columns("IMGMUSISI", "Islamic State", &d);
        assert_eq!((a.country.as_str(), a.known_group.as_str(), a.religion[0].as_str()), ("", "ISI", "MUS"));
        let a = actor_columns("USAGOVMIL", "x", &d);
        assert_eq!((a.country.as_str(), a.types[0].as_str(), a.types[1].as_str()), ("USA", "GOV", "MIL"));
        assert_eq!(actor_columns("PSEREBHMS", "Hamas", &d).known_group, "HMS");
    }

    #[test]
    fn mentions_row_has_16_columns() {
        let doc = sample();
        let rows = mentions_rows(
            &doc,
            &ExportOptions { first_event_id: 7, date_added: Some(20220314101500), ..Default::default() },
        );
        let cols: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(cols.len(), 16);
        assert_eq!(cols[0], "7");
        assert_eq!(cols[1], "20220314101500");
        assert_eq!(cols[3], "1");
        assert_eq!(cols[4], "usnews.com");
        assert_eq!(cols[6], "1");
        assert_eq!(cols[7], "0");
        assert_eq!(cols[11], "80");
    }

    #[test]
    fn gkg_row_has_27_columns_with_quotes_persons_tone() {
        let doc = sample();
        let row = gkg_row(&doc, &ExportOptions { record_number: 3, ..Default::default() });
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 27);
        assert_eq!(cols[0], "20220314000000-3");
        assert_eq!(cols[1], "20220314000000");
        assert_eq!(cols[11], "hu xijin;");
        assert_eq!(cols[12], "Hu Xijin,27;");
        assert!(cols[15].split(',').count() == 7);
        let q = doc.text[..doc.quotes[0].span.start as usize].chars().count();
        assert_eq!(cols[22], format!("{q}|11|said|No weapons,"));
        assert_eq!(cols[26], "<PAGE_TITLE>China signals</PAGE_TITLE>");
    }

    #[test]
    fn tone_counts_words() {
        let t = tone("Peace talks failed amid violence and war.");
        assert_eq!(t.words, 7);
        assert!(t.tone < 0.0);
        assert_eq!(tone("").words, 0);
    }

    #[test]
    fn fraction_dates() {
        assert_eq!(fraction_date(20220101), "2022.0027");
        assert_eq!(fraction_date(20221231), "2022.9999");
        assert_eq!(fraction_date(20240301), "2024.1666");
    }
}
