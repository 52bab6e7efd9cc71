//! Actor codes: CAMEO-style codes (country or organisation, then roles: `CHNGOV`, `USAMED`,
//! `IGOUNOMIL`) for entities and for noun phrases of a parsed sentence.
//!
//! [`ActorCoder`] sets `Entity::actor` from the dictionary (countries, organisations, dated
//! leaders) and, for people and organisations it does not know, from the descriptors the text
//! gives them ("Chinese commentator Hu Xijin" → `CHNMED`). [`code_phrase`] codes a noun
//! phrase from its head and modifiers ("Syrian rebels" → `SYRREB`, "Rwanda's information
//! minister" → `RWAGOV`), using the entity's code where the phrase names one. Pronouns are not
//! resolved here (see [`crate::coder`]).

use crate::dictionary::{ActorDictionary, EntryKind, Hit};
use crate::lemma;
use crate::syntax::SentenceView;
use newsgraph_model::{Component, DepRel, Document, EntityKind, Layer, MentionKind, Span};
use std::sync::Arc;

/// Most role codes kept after the country or organisation code.
const MAX_ROLES: usize = 3;

/// Sets `Entity::actor` on every entity it can code (see the module documentation).
#[derive(Clone, Debug)]
pub struct ActorCoder {
    dictionary: Arc<ActorDictionary>,
}

impl Default for ActorCoder {
    fn default() -> ActorCoder {
        ActorCoder::new()
    }
}

impl ActorCoder {
    /// A coder with the built-in dictionary.
    pub fn new() -> ActorCoder {
        ActorCoder { dictionary: ActorDictionary::builtin() }
    }

    /// A coder with a dictionary of the caller's (the built-in one extended with PETRARCH
    /// dictionaries, for instance).
    pub fn with_dictionary(dictionary: Arc<ActorDictionary>) -> ActorCoder {
        ActorCoder { dictionary }
    }
}

impl Component for ActorCoder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn annotate(&self, doc: &mut Document) {
        code_entities(doc, &self.dictionary);
    }
}

/// The document's date as YYYYMMDD, from its metadata (`None` when absent or unreadable).
pub fn document_date(doc: &Document) -> Option<u32> {
    let published = doc.meta.published.as_deref()?;
    let digits: String = published.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    match digits.len() {
        8 => digits.parse().ok(),
        // YYMMDD, as PETRARCH's story dates are written.
        6 => {
            let short: u32 = digits.parse().ok()?;
            let century = if short / 10000 < 50 { 20_000_000 } else { 19_000_000 };
            Some(century + short)
        }
        _ => None,
    }
}

/// The code of a person known to the dictionary under one or more dated roles, on `date`.
/// A person whose roles all ended before the date is an elite (`ELI`) of the last role's
/// country; a person not yet in a role on the date gets no code from the dictionary. Without
/// a date, the latest role counts, ended or not.
pub fn person_code(dictionary: &ActorDictionary, entries: &[u32], date: Option<u32>) -> Option<String> {
    let mut roles: Vec<(u32, u32, &str)> = entries
        .iter()
        .filter_map(|&e| match dictionary.entry(e) {
            entry @ crate::dictionary::Entry { kind: EntryKind::Person { from, to }, .. } => {
                Some((*from, *to, entry.code.as_str()))
            }
            _ => None,
        })
        .collect();
    roles.sort_by_key(|r| r.0);
    let last = *roles.last()?;
    let former = |code: &str| format!("{}ELI", &code[..3.min(code.len())]);
    match date {
        Some(d) => {
            // The narrowest role that covers the day (an undated role covers every day).
            if let Some(r) =
                roles.iter().filter(|r| r.0 <= d && d < r.1).min_by_key(|r| r.1.saturating_sub(r.0))
            {
                Some(r.2.to_string())
            } else if roles.iter().all(|r| r.1 <= d) {
                Some(former(last.2))
            } else {
                None
            }
        }
        // Without a date, the latest role, as if the article were from its time.
        None => Some(last.2.to_string()),
    }
}

/// Code of the entry a name hit points at, as an actor on its own ("Kremlin" → `RUSGOV`).
fn hit_code(dictionary: &ActorDictionary, hit: Hit, words: &[&str], date: Option<u32>) -> Option<String> {
    let entry = dictionary.entry(hit.entry);
    match entry.kind {
        EntryKind::Person { .. } => person_code(dictionary, &dictionary.alternatives(hit, words), date),
        EntryKind::Seat => Some(format!("{}GOV", entry.code)),
        EntryKind::Role => None,
        _ => Some(entry.code.clone()),
    }
}

/// The code of the person the dictionary names at token `t` ("Putin" → `RUSGOV` in 2022),
/// whatever the recogniser made of the word.
pub fn dictionary_person(view: &SentenceView, t: usize, cx: &PhraseContext) -> Option<String> {
    let hit = view.names.get(t).copied().flatten()?;
    if !matches!(cx.dictionary.entry(hit.entry).kind, EntryKind::Person { .. }) {
        return None;
    }
    hit_code(cx.dictionary, hit, &view.words, cx.date)
}

/// Split a code into its three-letter units.
pub fn units(code: &str) -> Vec<&str> {
    (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect()
}

/// Put a base code and roles together, without repeating a unit the base already has.
pub fn compose(base: &str, roles: &[String]) -> String {
    let mut code = base.to_string();
    let mut added = 0;
    for role in roles {
        for unit in units(role) {
            if added >= MAX_ROLES {
                return code;
            }
            if !units(&code).contains(&unit) {
                code.push_str(unit);
                added += 1;
            }
        }
    }
    code
}

/// What the words of a phrase say about an actor.
#[derive(Clone, Debug, Default, PartialEq)]
struct Parts {
    /// A person's or organisation's own code.
    own: Option<String>,
    /// A country code.
    country: Option<String>,
    /// Role codes.
    roles: Vec<String>,
}

impl Parts {
    fn code(&self) -> Option<String> {
        let base = self.own.clone().or_else(|| self.country.clone()).unwrap_or_default();
        let code = compose(&base, &self.roles);
        (!code.is_empty()).then_some(code)
    }
}

/// Read country, organisation, person and role words from a short text (a descriptor or an
/// entity name): "Chinese commentator" → CHN + MED.
fn parts_of_text(dictionary: &ActorDictionary, text: &str, date: Option<u32>) -> Parts {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .flat_map(split_possessive)
        .collect();
    let mut parts = Parts::default();
    let hits = dictionary.find_names(&words);
    let mut named = vec![false; words.len()];
    for hit in &hits {
        named[hit.start..hit.end].iter_mut().for_each(|n| *n = true);
        let entry = dictionary.entry(hit.entry);
        match entry.kind {
            EntryKind::Organisation | EntryKind::Person { .. } => {
                if parts.own.is_none() {
                    parts.own = hit_code(dictionary, *hit, &words, date);
                }
            }
            EntryKind::Seat => {
                parts.country.get_or_insert_with(|| entry.code.clone());
                parts.roles.push("GOV".to_string());
            }
            _ => {
                parts.country.get_or_insert_with(|| entry.code.clone());
            }
        }
    }
    let lemmas: Vec<String> = words
        .iter()
        .zip(&named)
        .map(|(w, &n)| if n { String::new() } else { lemma::noun_lemma(w) })
        .collect();
    for hit in dictionary.find_roles(&lemmas) {
        let code = &dictionary.entry(hit.entry).code;
        if !code.is_empty() && !parts.roles.contains(code) {
            parts.roles.push(code.clone());
        }
    }
    parts
}

fn split_possessive(word: &str) -> Vec<&str> {
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return vec![stem, &word[stem.len()..]];
            }
        }
    }
    vec![word]
}

/// Set `Entity::actor` on the entities of `doc` (see [`ActorCoder`]).
pub fn code_entities(doc: &mut Document, dictionary: &ActorDictionary) {
    let date = document_date(doc);
    let mut codes: Vec<Option<String>> = Vec::with_capacity(doc.entities.len());
    for entity in &doc.entities {
        let mut code = None;
        let by_name = dictionary.lookup_name(&entity.name);
        if let Some(&first) = by_name.first() {
            let entry = dictionary.entry(first);
            code = match entry.kind {
                EntryKind::Person { .. } => person_code(dictionary, &by_name, date),
                EntryKind::Seat => Some(format!("{}GOV", entry.code)),
                EntryKind::Role => None,
                _ => Some(entry.code.clone()),
            };
        }
        if code.is_none() {
            // Descriptors, then descriptions the attribution stage linked, then the name's
            // own words ("U.S. Central Command").
            let mut texts: Vec<String> = entity.descriptors.clone();
            for &m in &entity.mentions {
                if let Some(mention) = doc.mentions.get(m as usize) {
                    if mention.kind == MentionKind::Description {
                        texts.push(doc.slice(mention.span).to_string());
                    }
                }
            }
            if entity.kind != EntityKind::Person {
                texts.push(entity.name.clone());
            } else {
                texts.extend(
                    titles_before(doc, entity)
                        .into_iter()
                        .filter(|t| !parts_of_text(dictionary, t, date).roles.is_empty()),
                );
            }
            let mut merged = Parts::default();
            for text in &texts {
                let parts = parts_of_text(dictionary, text, date);
                if merged.own.is_none() {
                    merged.own = parts.own;
                }
                if merged.country.is_none() {
                    merged.country = parts.country;
                }
                for r in parts.roles {
                    if !merged.roles.contains(&r) {
                        merged.roles.push(r);
                    }
                }
            }
            // A person described only by a role and no country gets no code: "a director"
            // says nothing about whom they act for.
            if merged.own.is_some() || merged.country.is_some() {
                code = merged.code();
            }
        }
        codes.push(code);
    }
    for (entity, code) in doc.entities.iter_mut().zip(codes) {
        entity.actor = code;
    }
}

/// Most words read as a title right before a person's name.
const MAX_TITLE_WORDS: usize = 4;

/// The words right before each of a person's names that can be a title ("Chinese commentator
/// Hu Xijin", "Syrian President Bashar Assad"): adjectives and nouns, read whatever the parse
/// made of them, and kept only when they hold a role word. A determiner, verb or punctuation
/// ends the title.
fn titles_before(doc: &Document, entity: &newsgraph_model::Entity) -> Vec<String> {
    use newsgraph_model::Upos;
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut firsts: Vec<usize> = Vec::new();
    for &m in &entity.mentions {
        let Some(mention) = doc.mentions.get(m as usize) else { continue };
        if mention.kind == MentionKind::Name {
            firsts.push(doc.tokens_in(mention.span).start);
        }
    }
    // The name written where the recogniser missed it ("Chinese commentator Hu Xijin", with
    // only the later "Hu said" recognised).
    if let Some(first_word) = entity.name.split_whitespace().next() {
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.upos == Upos::Propn && t.text(&doc.text) == first_word && !firsts.contains(&i) {
                firsts.push(i);
            }
        }
    }
    let mut out = Vec::new();
    for first in firsts {
        let text = title_text(doc, first);
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// The adjectives and nouns right before token `first` (at most [`MAX_TITLE_WORDS`]).
fn title_text(doc: &Document, first: usize) -> String {
    use newsgraph_model::Upos;
    let mut start = first;
    while start > 0
        && first - start < MAX_TITLE_WORDS
        && matches!(doc.tokens[start - 1].upos, Upos::Adj | Upos::Noun | Upos::Propn)
    {
        start -= 1;
    }
    let words: Vec<&str> = doc.tokens[start..first].iter().map(|t| t.text(&doc.text)).collect();
    words.join(" ")
}

/// An actor named by a noun phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct PhraseActor {
    /// CAMEO-style code.
    pub code: String,
    /// The entity, if the phrase names one.
    pub entity: Option<u32>,
    /// The words naming the actor.
    pub mention: Span,
    /// True when the phrase names a person.
    pub person: bool,
}

/// What the coder knows about the document while coding phrases.
#[derive(Debug)]
pub struct PhraseContext<'a> {
    /// The dictionary.
    pub dictionary: &'a ActorDictionary,
    /// The document's date.
    pub date: Option<u32>,
    /// For each document token, the entity whose mention covers it.
    pub entity_at: &'a [Option<u32>],
}

/// Most actors a phrase with coordinated modifiers yields ("US and British activists").
const MAX_MODIFIER_ACTORS: usize = 8;

/// Code the noun phrase headed by `head`; several actors for coordinated modifiers ("US and
/// British activists" → `USAOPP`, `GBROPP`). Empty when the phrase names no actor.
pub fn code_phrase(view: &SentenceView, head: usize, cx: &PhraseContext) -> Vec<PhraseActor> {
    // "Hundreds of UN troops", "dozens of peacekeepers": the people counted.
    const QUANTITIES: &[&str] = &[
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "million",
        "millions",
        "number",
        "some",
        "many",
        "most",
        "all",
        "group",
        "couple",
        "score",
        "scores",
        "band",
        "team",
        "handful",
        "one",
        "two",
        "three",
        "several",
        "few",
    ];
    if QUANTITIES.contains(&view.lemmas[head].as_str())
        || QUANTITIES.contains(&view.word(head).to_lowercase().as_str())
    {
        if let Some(of) =
            view.children_with(head, &[DepRel::Nmod]).find(|&m| view.case_of(m).as_deref() == Some("of"))
        {
            return code_phrase(view, of, cx);
        }
    }
    let doc_token = view.doc_index(head);
    let entity = cx.entity_at.get(doc_token).copied().flatten();
    let words = &view.words;
    let mention = phrase_span(view, head);

    // An entity the actor coder coded (people described in the text, organisations).
    if let Some(e) = entity {
        if let Some(ent) = view.doc.entities.get(e as usize) {
            if let Some(code) = &ent.actor {
                if matches!(ent.kind, EntityKind::Person | EntityKind::Org) {
                    // A leader the recogniser typed as an organisation is still a person.
                    let person = ent.kind == EntityKind::Person || names_a_person(cx.dictionary, &ent.name);
                    return vec![PhraseActor { code: code.clone(), entity: Some(e), mention, person }];
                }
            }
        }
    }

    let mut parts = Parts::default();
    let mut person = false;
    // The head's own words.
    if let Some(hit) = view.names[head] {
        let entry = cx.dictionary.entry(hit.entry);
        match entry.kind {
            EntryKind::Person { .. } => {
                person = true;
                parts.own = hit_code(cx.dictionary, hit, words, cx.date);
                if parts.own.is_none() {
                    return Vec::new();
                }
            }
            EntryKind::Organisation => parts.own = Some(entry.code.clone()),
            EntryKind::Seat => {
                parts.country = Some(entry.code.clone());
                parts.roles.push("GOV".into());
            }
            EntryKind::Role => {}
            _ => parts.country = Some(entry.code.clone()),
        }
    }
    if let Some(hit) = view.roles[head] {
        let code = &cx.dictionary.entry(hit.entry).code;
        if !code.is_empty() {
            parts.roles.push(code.clone());
        }
        // A role phrase over modifiers ("security officials") has been read whole.
    }
    let head_role = view.roles[head];
    let head_name = view.names[head];

    // Modifiers: possessor first, then nearest compounds and adjectives, then of/in/from/for
    // phrases.
    let mut modifiers: Vec<usize> = view.children_with(head, &[DepRel::NmodPoss]).collect();
    let mut pre: Vec<usize> =
        view.children_with(head, &[DepRel::Compound, DepRel::Amod, DepRel::Flat, DepRel::NmodDesc]).collect();
    pre.sort_by_key(|&m| std::cmp::Reverse(m));
    modifiers.extend(pre);
    // Prepositional modifiers say whose a role is ("a court in Guyana", "spokesman for the
    // embassy"); on any other noun they say something else ("assurances from the government").
    if head_role.is_some() || head_name.is_some() {
        for m in view.children_with(head, &[DepRel::Nmod]) {
            if matches!(view.case_of(m).as_deref(), Some("of" | "in" | "from" | "for" | "at" | "to")) {
                modifiers.push(m);
            }
        }
    }
    let mut extra_countries: Vec<String> = Vec::new();
    for &m in &modifiers {
        // Words of the modifier already read with the head (one name or role phrase).
        if head_name.is_some_and(|h| h == view.names[m].unwrap_or(Hit { start: 0, end: 0, entry: u32::MAX }))
        {
            continue;
        }
        if head_role.is_some() && head_role == view.roles[m] {
            continue;
        }
        let sub = modifier_parts(view, m, cx, words);
        if parts.own.is_none() {
            parts.own = sub.own.clone();
        }
        if parts.country.is_none() {
            parts.country = sub.country.clone();
            // Coordinated countries on the modifier: "US and British".
            if sub.country.is_some() {
                for c in view.children_with(m, &[DepRel::Conj]) {
                    let more = modifier_parts(view, c, cx, words);
                    if let Some(country) = more.country.or(more.own) {
                        if extra_countries.len() < MAX_MODIFIER_ACTORS {
                            extra_countries.push(country);
                        }
                    }
                }
            }
        }
        // Role words on a head that is neither a role nor a name say what kind of thing it
        // is, not who: "military support" is no actor.
        if head_role.is_none() && head_name.is_none() {
            continue;
        }
        for r in sub.roles {
            if !parts.roles.contains(&r) {
                parts.roles.push(r);
            }
        }
    }
    // A generic head role ("officials") yields to a more specific modifier role ("military").
    if parts.roles.len() > 1 && parts.roles[0] == "GOV" && head_role.is_some() {
        let specific: Vec<String> = parts.roles[1..].to_vec();
        if specific.iter().all(|r| r != "GOV") && specific.iter().any(|r| r == "MIL" || r == "COP") {
            parts.roles = specific;
        }
    }
    // A name the recogniser and the dictionary missed, introduced by a title the parser did not
    // attach to it ("Chinese commentator Hu Xijin"): the title's words, when they give a
    // country or organisation and a role.
    if parts == Parts::default() && entity.is_none() && view.upos(head) == newsgraph_model::Upos::Propn {
        let mut first = head;
        for c in view.children_with(head, &[DepRel::Flat, DepRel::Compound]) {
            first = first.min(c);
        }
        let title = title_text(view.doc, view.doc_index(first));
        let found = parts_of_text(cx.dictionary, &title, cx.date);
        if !found.roles.is_empty() && (found.own.is_some() || found.country.is_some()) {
            parts = found;
            person = true;
        }
    }
    let Some(code) = parts.code() else { return Vec::new() };
    let mut out = vec![PhraseActor { code: code.clone(), entity, mention, person }];
    for country in extra_countries {
        let other = Parts { own: None, country: Some(country), roles: parts.roles.clone() };
        if let Some(c) = other.code() {
            if c != code {
                out.push(PhraseActor { code: c, entity: None, mention, person });
            }
        }
    }
    out
}

/// True when a name holds a person the dictionary knows ("Turkish President Recep Tayyip
/// Erdogan").
fn names_a_person(dictionary: &ActorDictionary, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    dictionary
        .find_names(&words)
        .iter()
        .any(|h| matches!(dictionary.entry(h.entry).kind, EntryKind::Person { .. }))
}

/// What one modifier (with its own compounds) says.
fn modifier_parts(view: &SentenceView, m: usize, cx: &PhraseContext, words: &[&str]) -> Parts {
    let mut parts = Parts::default();
    let mut tokens = vec![m];
    tokens.extend(view.children_with(m, &[DepRel::Compound, DepRel::Flat, DepRel::Amod, DepRel::NmodPoss]));
    for t in tokens {
        // "pro - Russia rebels", "anti - Kremlin activists", tokenised apart: not members.
        if t >= 2
            && view.word(t - 1) == "-"
            && matches!(view.word(t - 2).to_lowercase().as_str(), "pro" | "anti" | "non")
        {
            continue;
        }
        if let Some(e) = cx.entity_at.get(view.doc_index(t)).copied().flatten() {
            if let Some(code) = view.doc.entities.get(e as usize).and_then(|ent| ent.actor.clone()) {
                if parts.own.is_none() && parts.country.is_none() {
                    if units(&code).len() == 1 {
                        parts.country = Some(code);
                    } else {
                        parts.own = Some(code);
                    }
                }
                continue;
            }
        }
        if let Some(hit) = view.names[t] {
            let entry = cx.dictionary.entry(hit.entry);
            match entry.kind {
                EntryKind::Organisation | EntryKind::Person { .. } => {
                    if parts.own.is_none() {
                        parts.own = hit_code(cx.dictionary, hit, words, cx.date);
                    }
                }
                EntryKind::Seat => {
                    parts.country.get_or_insert_with(|| entry.code.clone());
                    parts.roles.push("GOV".into());
                }
                EntryKind::Role => {}
                _ => {
                    parts.country.get_or_insert_with(|| entry.code.clone());
                }
            }
        } else if let Some(country) = hyphen_country(view, t, cx) {
            parts.country.get_or_insert(country);
        }
        if let Some(hit) = view.roles[t] {
            let code = &cx.dictionary.entry(hit.entry).code;
            if !code.is_empty() && !parts.roles.contains(code) {
                parts.roles.push(code.clone());
            }
        }
    }
    parts
}

/// "Moscow-based", "Saudi-led", "UK-based": the country of a hyphenated modifier whose second
/// part says the head belongs to it. "pro-Russia", "Israeli-occupied", "Al-Qaeda-linked" say
/// something else and give nothing.
fn hyphen_country(view: &SentenceView, t: usize, cx: &PhraseContext) -> Option<String> {
    let word = view.word(t);
    let (first, last) = word.rsplit_once('-')?;
    if !matches!(last.to_lowercase().as_str(), "based" | "led" | "run" | "owned") {
        return None;
    }
    let hits = cx.dictionary.find_names(&[first]);
    let hit = hits.first().filter(|h| h.end == 1)?;
    let entry = cx.dictionary.entry(hit.entry);
    match entry.kind {
        EntryKind::Country | EntryKind::Adjective | EntryKind::Capital | EntryKind::Place => {
            Some(entry.code.clone())
        }
        EntryKind::Organisation => Some(entry.code.clone()),
        _ => None,
    }
}

/// The words of the phrase: head with its compounds, adjectives, possessors and determiners.
pub fn phrase_span(view: &SentenceView, head: usize) -> Span {
    let mut lo = head;
    let mut hi = head;
    for c in view.children_with(
        head,
        &[DepRel::Compound, DepRel::Flat, DepRel::Amod, DepRel::NmodPoss, DepRel::Det, DepRel::Nummod],
    ) {
        for t in view.subtree(c, 16) {
            lo = lo.min(t);
            hi = hi.max(t);
        }
    }
    view.cover(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Entity, Mention};

    fn dict() -> Arc<ActorDictionary> {
        ActorDictionary::builtin()
    }

    #[test]
    fn people_by_date() {
        let d = dict();
        let obama = d.lookup_name("Barack Obama");
        assert_eq!(person_code(&d, &obama, Some(20150101)).as_deref(), Some("USAGOV"));
        assert_eq!(person_code(&d, &obama, Some(20200101)).as_deref(), Some("USAELI"));
        assert_eq!(person_code(&d, &obama, Some(19990101)), None);
        let petraeus = d.lookup_name("David Petraeus");
        assert_eq!(person_code(&d, &petraeus, Some(20080806)).as_deref(), Some("USAMIL"));
        let putin = d.lookup_name("Putin");
        assert_eq!(person_code(&d, &putin, None).as_deref(), Some("RUSGOV"));
    }

    #[test]
    fn short_dates_are_read() {
        let mut doc = Document::new("d", "");
        doc.meta.published = Some("121108".into());
        assert_eq!(document_date(&doc), Some(20121108));
        doc.meta.published = Some("2022-03-14T10:00:00Z".into());
        assert_eq!(document_date(&doc), Some(20220314));
        doc.meta.published = Some("soon".into());
        assert_eq!(document_date(&doc), None);
    }

    #[test]
    fn compose_skips_repeated_units() {
        assert_eq!(compose("IGOUNO", &["MIL".into()]), "IGOUNOMIL");
        assert_eq!(compose("USAGOV", &["GOV".into()]), "USAGOV");
        assert_eq!(compose("", &["REB".into()]), "REB");
        assert_eq!(compose("CHN", &["GOVMED".into(), "MIL".into(), "EDU".into()]), "CHNGOVMEDMIL");
    }

    #[test]
    fn entities_from_dictionary_and_descriptors() {
        let text = "Chinese commentator Hu Xijin and Xi Jinping spoke with Sun Yun and the Kremlin.";
        let mut doc = Document::new("d", text);
        doc.meta.published = Some("2022-03-14".into());
        let mut add = |name: &str, kind: EntityKind, descriptors: &[&str]| {
            let at = text.find(name).unwrap();
            doc.mentions.push(Mention::new(Span::new(at, at + name.len()), MentionKind::Name, kind));
            doc.entities.push(Entity {
                name: name.to_string(),
                kind,
                mentions: vec![doc.mentions.len() as u32 - 1],
                descriptors: descriptors.iter().map(|s| s.to_string()).collect(),
                actor: None,
            });
        };
        add("Hu Xijin", EntityKind::Person, &["Chinese commentator"]);
        add("Xi Jinping", EntityKind::Person, &[]);
        add("Sun Yun", EntityKind::Person, &["director"]);
        add("Kremlin", EntityKind::Org, &[]);
        code_entities(&mut doc, &dict());
        let codes: Vec<Option<&str>> = doc.entities.iter().map(|e| e.actor.as_deref()).collect();
        assert_eq!(codes, [Some("CHNMED"), Some("CHNGOV"), None, Some("RUSGOV")]);
    }

    #[test]
    fn descriptor_with_organisation_and_embassy() {
        let d = dict();
        let p = parts_of_text(&d, "a spokesman for the Chinese Embassy in Washington", None);
        assert_eq!(p.code().as_deref(), Some("CHNGOV"));
        let p = parts_of_text(&d, "Russia's information minister", None);
        assert_eq!(p.code().as_deref(), Some("RUSGOV"));
    }
}
