//! Entities: groups a document's name mentions into people, organisations, places and
//! groups, each with a canonical name and the descriptors the text gives it.
//!
//! "Hu Xijin" … "Hu" is one person; "the Central Intelligence Agency" … "CIA" one agency;
//! "U.S." … "United States" one country. Pronouns and descriptions are linked later, by the
//! attribution stage, which knows who is speaking. Actor codes are set by the event coder.
//!
//! ```
//! use newsgraph_model::{Component, Document, EntityKind, Mention, MentionKind, Span};
//!
//! let text = "Sun Yun spoke. Later Sun said more.";
//! let mut doc = Document::new("d", text);
//! newsgraph_text::segment(&mut doc);
//! doc.mentions.push(Mention::new(Span::new(0, 7), MentionKind::Name, EntityKind::Person));
//! doc.mentions.push(Mention::new(Span::new(21, 24), MentionKind::Name, EntityKind::Person));
//! newsgraph_entities::EntityLinker.annotate(&mut doc);
//! assert_eq!(doc.entities.len(), 1);
//! assert_eq!(doc.entities[0].name, "Sun Yun");
//! ```

pub mod descriptors;
pub mod names;

use newsgraph_model::{Component, Document, Entity, EntityKind, Layer, MentionKind};
use std::collections::HashMap;

/// Groups name mentions into entities (see the crate documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct EntityLinker;

impl Component for EntityLinker {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Names]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn annotate(&self, doc: &mut Document) {
        link(doc);
    }
}

/// What the linker remembers of an entity while it reads.
struct Known {
    kind: EntityKind,
    /// Whether every mention so far was written in capitals ("CHARLOTTE, N.C. —"), where the
    /// recogniser's type is a guess.
    shouted: bool,
    key: String,
    /// Lower-cased words of the longest name seen.
    words: Vec<String>,
    initials: Option<String>,
}

fn same_class(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    a == b || matches!((a, b), (Gpe, Loc) | (Loc, Gpe) | (Org, Fac) | (Fac, Org) | (Org, Misc) | (Misc, Org))
}

/// Group the name mentions of `doc` into entities; replaces `doc.entities`.
pub fn link(doc: &mut Document) {
    doc.entities.clear();
    let mut known: Vec<Known> = Vec::new();
    let mut lookup = Index::default();
    for m in 0..doc.mentions.len() {
        doc.mentions[m].entity = None;
        let mention = &doc.mentions[m];
        if mention.kind != MentionKind::Name {
            continue;
        }
        let person = mention.label == EntityKind::Person;
        let text = doc.slice(mention.span);
        let words = names::name_words(text, person);
        if words.is_empty() {
            continue;
        }
        let key = names::key(&words);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shouted = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
        let found = find(&known, &lookup, mention.label, &key, &lower, &words).or_else(|| {
            // The same name in capitals and in ordinary writing, typed differently.
            latest(lookup.by_key.get(&key), |i| known[i].key == key && (shouted || known[i].shouted))
        });
        let index = match found {
            Some(i) => {
                let k = &mut known[i];
                if k.shouted && !shouted {
                    // Ordinary writing types the entity better than a dateline did.
                    k.shouted = false;
                    k.kind = mention.label;
                }
                if lower.len() > k.words.len() && (k.kind != EntityKind::Person || person) {
                    k.words = lower;
                    k.key = key;
                    k.initials = names::initials(&words);
                    lookup.add(i, &known[i]);
                }
                i
            }
            None => {
                known.push(Known {
                    kind: mention.label,
                    shouted,
                    key,
                    words: lower,
                    initials: names::initials(&words),
                });
                lookup.add(known.len() - 1, &known[known.len() - 1]);
                doc.entities.push(Entity { kind: mention.label, ..Entity::default() });
                known.len() - 1
            }
        };
        doc.mentions[m].entity = Some(index as u32);
        doc.entities[index].mentions.push(m as u32);
    }
    for (entity, k) in doc.entities.iter_mut().zip(&known) {
        entity.kind = k.kind;
    }
    for entity in &mut doc.entities {
        entity.name = canonical_name(&doc.text, &doc.mentions, &entity.mentions, entity.kind);
    }
    add_descriptors(doc);
    retype_from_descriptors(doc);
    merge_partial_names(doc);
}

/// An entity the recogniser typed as a place or organisation but that the text describes as
/// a person ("Sun Yun, director of the China Program") is a person.
///
/// A "person" whose name ends in a word that names a news outlet ("U.S. News", "The Daily
/// Telegraph") is an organisation.
fn retype_from_descriptors(doc: &mut Document) {
    for entity in &mut doc.entities {
        if entity.name.split_whitespace().count() < 2 {
            continue;
        }
        let kind = if entity.kind == EntityKind::Person {
            let last = entity.name.split_whitespace().last().unwrap_or_default();
            if !is_outlet_word(last) {
                continue;
            }
            EntityKind::Org
        } else if entity.descriptors.iter().any(|d| descriptors::names_a_person(d)) {
            EntityKind::Person
        } else {
            continue;
        };
        entity.kind = kind;
        for &m in &entity.mentions {
            if let Some(mention) = doc.mentions.get_mut(m as usize) {
                mention.label = kind;
            }
        }
    }
}

/// The last word of many news outlets' names.
fn is_outlet_word(word: &str) -> bool {
    matches!(
        word,
        "News"
            | "Times"
            | "Post"
            | "Journal"
            | "Herald"
            | "Tribune"
            | "Gazette"
            | "Telegraph"
            | "Guardian"
            | "Chronicle"
            | "Observer"
            | "Express"
            | "Press"
            | "Agency"
            | "Radio"
            | "Television"
            | "Broadcasting"
            | "Network"
            | "Magazine"
    )
}

/// A one-word entity that is part of a person's full name mentioned earlier ("Sun" after
/// "Sun Yun") joins that person, whatever the recogniser called it; failing that, one that is
/// the first word of an organisation's name mentioned earlier and was read as a person
/// ("Patriot" after "Patriot Coal", "Peabody" after "Peabody Energy") joins the organisation.
fn merge_partial_names(doc: &mut Document) {
    let mut into: Vec<Option<usize>> = vec![None; doc.entities.len()];
    for (i, single) in doc.entities.iter().enumerate() {
        if single.name.split_whitespace().count() != 1 || single.kind == EntityKind::Norp {
            continue;
        }
        let first = single.mentions.first().copied().unwrap_or(u32::MAX);
        let word = single.name.to_lowercase();
        let earlier_full = |j: usize, full: &Entity| {
            j != i
                && full.mentions.first().is_some_and(|&f| f < first)
                && full.name.split_whitespace().count() > 1
        };
        let person = doc.entities.iter().enumerate().rev().find(|&(j, full)| {
            earlier_full(j, full)
                && full.kind == EntityKind::Person
                && full.name.split_whitespace().any(|w| w.to_lowercase() == word)
        });
        // Only a "person" that no person's name explains, and no abbreviation or acronym:
        // places and organisations that begin organisations' names ("Washington" and "The
        // Washington Post", "Senate" and "Senate Democrats", "U.S." and "U.S. Senate") stay
        // apart.
        let plain = !word.contains('.') && single.name.chars().any(char::is_lowercase);
        let organisation = || {
            doc.entities.iter().enumerate().rev().find(|&(j, full)| {
                single.kind == EntityKind::Person
                    && plain
                    && earlier_full(j, full)
                    && full.kind == EntityKind::Org
                    && full.name.split_whitespace().next().is_some_and(|w| w.to_lowercase() == word)
            })
        };
        into[i] = person.or_else(organisation).map(|(j, _)| j);
    }
    if into.iter().all(Option::is_none) {
        return;
    }
    // Renumber: merged entities disappear, the others keep their order.
    let mut new_index = vec![0u32; doc.entities.len()];
    let mut next = 0u32;
    for (i, target) in into.iter().enumerate() {
        if target.is_none() {
            new_index[i] = next;
            next += 1;
        }
    }
    for (i, target) in into.iter().enumerate() {
        if let Some(t) = target {
            new_index[i] = new_index[*t];
        }
    }
    for mention in &mut doc.mentions {
        if let Some(e) = mention.entity {
            if let Some(t) = into[e as usize] {
                mention.label = doc.entities[t].kind;
            }
            mention.entity = Some(new_index[e as usize]);
        }
    }
    let old = std::mem::take(&mut doc.entities);
    for (i, mut entity) in old.into_iter().enumerate() {
        if into[i].is_none() {
            entity.mentions.clear();
            doc.entities.push(entity);
        }
    }
    for (m, mention) in doc.mentions.iter().enumerate() {
        if let Some(e) = mention.entity.and_then(|e| doc.entities.get_mut(e as usize)) {
            e.mentions.push(m as u32);
        }
    }
    for entity in &mut doc.entities {
        if entity.kind != EntityKind::Person {
            if let Some(&m) = entity.mentions.first() {
                entity.kind = doc.mentions[m as usize].label;
            }
        }
    }
}

/// Lookup tables over the entities seen so far, so that linking stays linear in the number
/// of mentions. Entries can be stale after an entity's name grows; hits are re-checked.
#[derive(Default)]
struct Index {
    by_key: HashMap<String, Vec<usize>>,
    /// Words of multi-word person names.
    person_word: HashMap<String, Vec<usize>>,
    /// Single-word person names.
    person_single: HashMap<String, Vec<usize>>,
    by_initials: HashMap<String, Vec<usize>>,
}

impl Index {
    fn add(&mut self, i: usize, k: &Known) {
        self.by_key.entry(k.key.clone()).or_default().push(i);
        if k.kind == EntityKind::Person {
            if k.words.len() > 1 {
                for w in &k.words {
                    self.person_word.entry(w.clone()).or_default().push(i);
                }
            } else if let Some(w) = k.words.first() {
                self.person_single.entry(w.clone()).or_default().push(i);
            }
        }
        if let Some(initials) = &k.initials {
            self.by_initials.entry(initials.clone()).or_default().push(i);
        }
    }
}

fn latest<'a>(hits: Option<&'a Vec<usize>>, mut ok: impl FnMut(usize) -> bool + 'a) -> Option<usize> {
    hits?.iter().rev().copied().find(|&i| ok(i))
}

fn find(
    known: &[Known],
    index: &Index,
    kind: EntityKind,
    key: &str,
    lower: &[String],
    words: &[&str],
) -> Option<usize> {
    let person = kind == EntityKind::Person;
    // Same name, same class.
    let same = |i: usize| {
        known[i].key == key && (same_class(known[i].kind, kind) || known[i].kind == EntityKind::Person)
    };
    if let Some(i) = latest(index.by_key.get(key), same) {
        return Some(i);
    }
    if lower.len() == 1 {
        // A surname or given name of a person seen before ("Hu" after "Hu Xijin"), whatever
        // the recogniser called this mention.
        let part_of = |i: usize| {
            known[i].kind == EntityKind::Person
                && known[i].words.len() > 1
                && known[i].words.contains(&lower[0])
        };
        if let Some(i) = latest(index.person_word.get(&lower[0]), part_of) {
            return Some(i);
        }
    } else if person {
        // A full name after a surname-only first mention.
        let single = |i: usize| known[i].kind == EntityKind::Person && known[i].words.len() == 1;
        let a = lower.first().and_then(|w| latest(index.person_single.get(w), single));
        let b = lower.last().and_then(|w| latest(index.person_single.get(w), single));
        if let Some(i) = a.max(b) {
            return Some(i);
        }
        // The same surname, and every word of the shorter name in the longer ("Donald Trump"
        // and "Donald J. Trump", "Hillary Clinton" and "Crooked Hillary Clinton").
        let within = |i: usize| {
            let k = &known[i];
            let (short, long) =
                if k.words.len() < lower.len() { (&k.words[..], lower) } else { (lower, &k.words[..]) };
            k.kind == EntityKind::Person
                && k.words.len() > 1
                && k.words.last() == lower.last()
                && short.iter().all(|w| long.contains(w))
        };
        if let Some(i) = lower.last().and_then(|w| latest(index.person_word.get(w), within)) {
            return Some(i);
        }
    }
    if person {
        return None;
    }
    // Aliases and acronyms of places and organisations.
    for alias in names::aliases(key) {
        if let Some(i) = latest(index.by_key.get(alias), |i| same_class(known[i].kind, kind)) {
            return Some(i);
        }
    }
    if words.len() == 1 && names::is_acronym(words[0]) {
        if let Some(i) = latest(index.by_initials.get(key), |i| known[i].initials.as_deref() == Some(key)) {
            return Some(i);
        }
    }
    if let Some(initials) = names::initials(words) {
        if let Some(i) =
            latest(index.by_key.get(&initials), |i| known[i].key == initials && known[i].words.len() == 1)
        {
            return Some(i);
        }
    }
    None
}

/// The longest name among the mentions (an expansion is preferred to an acronym).
fn canonical_name(
    text: &str,
    mentions: &[newsgraph_model::Mention],
    indices: &[u32],
    kind: EntityKind,
) -> String {
    let forms: Vec<Vec<&str>> = indices
        .iter()
        .filter_map(|&i| mentions.get(i as usize))
        .map(|m| names::name_words(m.span.text(text), kind == EntityKind::Person))
        .filter(|w| !w.is_empty())
        .collect();
    // The full name the text uses most often (then the longer): "Hillary Clinton" over a
    // one-off "Crooked Hillary Clinton" or a headline's run-on name.
    let mut full: Vec<(&Vec<&str>, usize)> = Vec::new();
    for f in forms.iter().filter(|f| f.len() > 1) {
        match full.iter_mut().find(|(g, _)| *g == f) {
            Some((_, n)) => *n += 1,
            None => full.push((f, 1)),
        }
    }
    if let Some((best, _)) = full.iter().max_by_key(|(f, n)| (*n, f.len())) {
        return best.join(" ");
    }
    // One-word names: an expansion rather than an acronym.
    let mut best: Option<&Vec<&str>> = None;
    for words in &forms {
        let better = match best {
            None => true,
            Some(b) => {
                let acronym = |w: &[&str]| w.len() == 1 && names::is_acronym(w[0]);
                acronym(b) && !acronym(words)
            }
        };
        if better {
            best = Some(words);
        }
    }
    best.map(|w| w.join(" ")).unwrap_or_default()
}

fn add_descriptors(doc: &mut Document) {
    let mut found: Vec<(usize, String)> = Vec::new();
    for mention in &doc.mentions {
        let Some(entity) = mention.entity else { continue };
        let kind = doc.entities[entity as usize].kind;
        if kind == EntityKind::Norp {
            continue;
        }
        let Some(s) = doc.sentence_at(mention.span.start) else { continue };
        let sentence = &doc.sentences[s];
        let (first, end) = (sentence.tokens.start as usize, sentence.tokens.end as usize);
        // Titles inside the mention itself ("President Xi Jinping").
        let text = doc.slice(mention.span);
        let words: Vec<&str> = text.split_whitespace().collect();
        let titles: Vec<&str> = words.iter().take_while(|w| descriptors::is_role_word(w)).copied().collect();
        // A headline in title case gives no descriptors: its capitals run words together
        // ("Washington Post Hit Piece Exploits Trump Supporter").
        if doc.is_title_case(first..end) {
            continue;
        }
        let pre = descriptors::premodifier(doc, mention.span, first).map(|span| doc.slice(span).to_string());
        let title = (!titles.is_empty() && titles.len() < words.len()).then(|| titles.join(" "));
        match (pre, title) {
            (Some(p), Some(t)) => found.push((entity as usize, format!("{p} {t}"))),
            (Some(p), None) => found.push((entity as usize, p)),
            (None, Some(t)) => found.push((entity as usize, t)),
            (None, None) => {}
        }
        if let Some(span) = descriptors::appositive(doc, mention.span, end) {
            found.push((entity as usize, descriptors::clean(doc.slice(span))));
        }
    }
    for (entity, descriptor) in found {
        let list = &mut doc.entities[entity].descriptors;
        if !descriptor.is_empty() && !list.contains(&descriptor) {
            list.push(descriptor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Mention, Span};

    /// Build a segmented document with name mentions given as (text, label) in order.
    fn doc_with(text: &str, names: &[(&str, EntityKind)]) -> Document {
        let mut doc = Document::new("t", text);
        newsgraph_text::segment(&mut doc);
        let mut from = 0;
        for (name, label) in names {
            let at = from + doc.text[from..].find(name).expect("name in text");
            doc.mentions.push(Mention::new(Span::new(at, at + name.len()), MentionKind::Name, *label));
            from = at + name.len();
        }
        link(&mut doc);
        doc
    }

    fn entity_names(doc: &Document) -> Vec<(&str, usize)> {
        doc.entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect()
    }

    #[test]
    fn surnames_and_given_names_join_full_names() {
        use EntityKind::*;
        let doc = doc_with(
            "Hu Xijin wrote. Sun Yun spoke. Hu said no. Sun says yes. Mr. Hu left.",
            &[
                ("Hu Xijin", Person),
                ("Sun Yun", Person),
                ("Hu", Person),
                ("Sun", Org), // a recogniser's mistake does not split the person
                ("Mr. Hu", Person),
            ],
        );
        assert_eq!(entity_names(&doc), [("Hu Xijin", 3), ("Sun Yun", 2)]);
    }

    #[test]
    fn a_dateline_in_capitals_joins_the_place_written_normally() {
        use EntityKind::*;
        let doc = doc_with(
            "CHARLOTTE, N.C. — Calm returned. Charlotte reopened. NATO met in Charlotte.",
            &[("CHARLOTTE", Org), ("Charlotte", Gpe), ("NATO", Org), ("Charlotte", Gpe)],
        );
        assert_eq!(entity_names(&doc), [("Charlotte", 3), ("NATO", 1)]);
        assert_eq!(doc.entities[0].kind, Gpe);
        assert!(doc.mentions.iter().all(|m| m.entity.is_some()));
    }

    #[test]
    fn an_entity_is_named_by_the_full_name_the_text_uses_most() {
        use EntityKind::*;
        let doc = doc_with(
            "Crooked Hillary Clinton lies. Hillary Clinton spoke. Clinton won. Hillary Clinton left.",
            &[
                ("Crooked Hillary Clinton", Person),
                ("Hillary Clinton", Person),
                ("Clinton", Person),
                ("Hillary Clinton", Person),
            ],
        );
        assert_eq!(entity_names(&doc), [("Hillary Clinton", 4)]);
    }

    #[test]
    fn acronyms_and_aliases() {
        use EntityKind::*;
        let doc = doc_with(
            "The Central Intelligence Agency said so. The CIA believes it. The U.S. and the United States agree.",
            &[("Central Intelligence Agency", Org), ("CIA", Org), ("U.S.", Gpe), ("United States", Gpe)],
        );
        assert_eq!(entity_names(&doc), [("Central Intelligence Agency", 2), ("United States", 2)]);
    }

    #[test]
    fn different_people_stay_apart() {
        use EntityKind::*;
        let doc = doc_with(
            "Joe Biden met Jill Biden. Xi Jinping met Xi.",
            &[("Joe Biden", Person), ("Jill Biden", Person), ("Xi Jinping", Person), ("Xi", Person)],
        );
        assert_eq!(entity_names(&doc), [("Joe Biden", 1), ("Jill Biden", 1), ("Xi Jinping", 2)]);
    }

    #[test]
    fn descriptors_from_premodifiers_and_appositives() {
        use EntityKind::*;
        let doc = doc_with(
            "Chinese commentator Hu Xijin wrote. “No,” Sun Yun, director of the China Program at the Stimson Center, tells U.S. News. President Xi Jinping spoke.",
            &[("Hu Xijin", Person), ("Sun Yun", Person), ("President Xi Jinping", Person)],
        );
        assert_eq!(doc.entities[0].descriptors, ["Chinese commentator"]);
        assert_eq!(doc.entities[1].descriptors, ["director of the China Program at the Stimson Center"]);
        assert_eq!(doc.entities[2].name, "Xi Jinping");
        assert_eq!(doc.entities[2].descriptors, ["President"]);
        // Hyphenated modifiers stay whole.
        let doc = doc_with(
            "Hu spoke in a video circulated by the state-sponsored English-language Global Times.",
            &[("Hu", Person), ("Global Times", Org)],
        );
        assert_eq!(doc.entities[1].descriptors, ["state-sponsored English-language"]);
        // A title-case headline gives none.
        let doc = doc_with(
            "Washington Post Hit Piece Exploits Trump Supporter Who Was in the Army",
            &[("Washington Post", Org), ("Trump", Person)],
        );
        assert!(doc.entities.iter().all(|e| e.descriptors.is_empty()));
    }

    #[test]
    fn a_person_mistyped_as_a_place_is_retyped_and_joined_by_the_surname() {
        use EntityKind::*;
        let doc = doc_with(
            "“No,” Sun Yun, director of the China Program, tells reporters. Sun says more. China agrees.",
            &[("Sun Yun", Gpe), ("China", Gpe), ("Sun", Org), ("China", Gpe)],
        );
        assert_eq!(entity_names(&doc), [("Sun Yun", 2), ("China", 2)]);
        assert_eq!(doc.entities[0].kind, Person);
        assert_eq!(doc.entities[1].kind, Gpe);
        let labels: Vec<EntityKind> = doc.mentions.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Person, Gpe, Person, Gpe]);

        // The first word of an organisation's name, not of a person's.
        let doc = doc_with(
            "Patriot Coal filed. Patriot failed. Clinton Foundation and Hillary Clinton. Clinton spoke.",
            &[
                ("Patriot Coal", Org),
                ("Patriot", Person),
                ("Clinton Foundation", Org),
                ("Hillary Clinton", Person),
                ("Clinton", Person),
            ],
        );
        assert_eq!(
            entity_names(&doc),
            [("Patriot Coal", 2), ("Clinton Foundation", 1), ("Hillary Clinton", 2)]
        );
        assert_eq!(doc.mentions[1].label, Org);
    }

    #[test]
    fn an_outlet_taken_for_a_person_is_an_organisation() {
        use EntityKind::*;
        let doc = doc_with(
            "Maria Lopez told Valley News on Friday that the mill would close.",
            &[("Maria Lopez", Person), ("Valley News", Person)],
        );
        let kinds: Vec<(&str, EntityKind)> = doc.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert_eq!(kinds, [("Maria Lopez", Person), ("Valley News", Org)]);
        assert_eq!(doc.mentions[1].label, Org);
    }

    #[test]
    fn a_list_is_not_an_appositive() {
        use EntityKind::*;
        let doc = doc_with(
            "Talks with Russia, China and Iran failed.",
            &[("Russia", Gpe), ("China", Gpe), ("Iran", Gpe)],
        );
        assert!(doc.entities.iter().all(|e| e.descriptors.is_empty()));
        assert_eq!(doc.entities.len(), 3);
    }
}
