//! Speaker resolution: from the words that name a source ("he", "Sun", "a spokesman for the
//! Chinese Embassy", "U.S. officials") to an entity and a kind of source.
//!
//! Names resolve through the entity linker. Pronouns resolve to the most recent compatible
//! person, preferring the last speaker. A description resolves to an entity the text names
//! in an appositive, to an entity already described that way ("the spokesman"), or to a
//! person introduced by name in the next sentence ("A spokesman … said … Liu Pengyu
//! added …"). What stays unnamed is classified: anonymous, unnamed group, document,
//! unspecified.

use crate::sources;
use crate::syntax::Syntax;
use newsgraph_model::{Document, EntityKind, MentionKind, SourceKind, Span, Upos};
use std::collections::HashMap;

/// Gender as far as pronouns and titles tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A resolved source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    /// Entity index.
    pub entity: Option<u32>,
    /// Words naming the source.
    pub mention: Option<Span>,
    /// Kind of source.
    pub kind: SourceKind,
    /// Not named on purpose.
    pub anonymous: bool,
    /// A pronoun or description mention to add to the entity.
    pub new_mention: Option<(Span, MentionKind)>,
}

/// What the resolver remembers while it reads a document in order.
#[derive(Debug, Default)]
pub struct Memory {
    /// The last person who spoke, with the sentence.
    pub last_speaker: Option<(u32, usize)>,
    /// The last group or organisation that spoke.
    pub last_group: Option<Resolved>,
    /// Genders learned from pronouns and titles.
    pub genders: HashMap<u32, Gender>,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

fn role_gender(word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    if w.ends_with("woman")
        || w.ends_with("women")
        || matches!(
            w.as_str(),
            "mrs."
                | "ms."
                | "mrs"
                | "ms"
                | "madam"
                | "queen"
                | "princess"
                | "mother"
                | "wife"
                | "daughter"
                | "sister"
        )
    {
        Some(Gender::Female)
    } else if (w.ends_with("man") && !w.ends_with("woman"))
        || matches!(w.as_str(), "mr." | "mr" | "king" | "prince" | "father" | "husband" | "son" | "brother")
    {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Learn genders from titles in name mentions ("Mrs. May") and descriptors ("spokeswoman").
pub fn learn_genders(doc: &Document, memory: &mut Memory) {
    for (e, entity) in doc.entities.iter().enumerate() {
        if entity.kind != EntityKind::Person {
            continue;
        }
        let from_titles = entity
            .mentions
            .iter()
            .filter_map(|&m| doc.mentions.get(m as usize))
            .find_map(|m| doc.slice(m.span).split_whitespace().next().and_then(role_gender));
        let from_descriptors =
            entity.descriptors.iter().flat_map(|d| d.split_whitespace()).find_map(role_gender);
        if let Some(g) = from_titles.or(from_descriptors) {
            memory.genders.insert(e as u32, g);
        }
    }
}

/// The name mention (index into `doc.mentions`) whose span covers token range `[a, b)`'s
/// head token `h`, or any name mention inside `[a, b)` if `h` is in none.
fn name_at(doc: &Document, span: Span, head: Span) -> (Option<usize>, bool) {
    let first = doc.mentions.partition_point(|m| m.span.end <= span.start);
    let mut inside = None;
    for (i, m) in doc.mentions.iter().enumerate().skip(first) {
        if m.span.start >= span.end {
            break;
        }
        if m.kind != MentionKind::Name || m.entity.is_none() || !span.contains(m.span) {
            continue;
        }
        if m.span.contains(head) {
            return (Some(i), true);
        }
        if inside.is_none() || m.label == EntityKind::Person {
            inside = Some(i);
        }
    }
    (inside, false)
}

/// Resolve the source phrase `[a, b)` with head `h` of sentence `syn`.
pub fn resolve(
    doc: &Document,
    syn: &Syntax,
    phrase: Option<(usize, usize)>,
    head: Option<usize>,
    sentence_text: &str,
    memory: &mut Memory,
) -> Resolved {
    let anonymous_marked = sources::marks_anonymity(sentence_text);
    let (Some((a, b)), Some(h)) = (phrase, head) else {
        return Resolved {
            kind: SourceKind::Unspecified,
            anonymous: anonymous_marked,
            ..Resolved::default()
        };
    };
    let span = syn.span(a, b);
    let head_span = syn.span(h, h + 1);
    let head_word = syn.word(h);
    let mut out = Resolved { mention: Some(span), anonymous: anonymous_marked, ..Resolved::default() };

    let (name, name_is_head) = name_at(doc, span, head_span);
    let head_is_role = sources::is_role(head_word) && syn.upos(h) != Upos::Propn;
    // A named source: the head of the phrase is a name.
    if let Some(m) = name.filter(|_| name_is_head || !head_is_role && !sources::is_document(head_word)) {
        let mention = &doc.mentions[m];
        let entity = mention.entity.unwrap_or_default();
        let kind = doc.entities.get(entity as usize).map(|e| e.kind).unwrap_or(mention.label);
        out.entity = Some(entity);
        out.mention = Some(mention.span);
        out.kind = named_kind(doc, entity, kind);
        if kind == EntityKind::Person {
            memory.last_speaker = Some((entity, syn_sentence(doc, syn)));
        } else {
            memory.last_group = Some(out.clone());
        }
        return out;
    }
    // A pronoun.
    if syn.upos(h) == Upos::Pron
        || matches!(head_word.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we")
    {
        return resolve_pronoun(doc, syn, h, out, memory);
    }
    // A description.
    if sources::is_unspecified(head_word) {
        out.kind = SourceKind::Unspecified;
        return out;
    }
    if sources::is_document(head_word) {
        out.kind = SourceKind::Document;
        return out;
    }
    let untagged_noun =
        syn.upos(h) == Upos::Unknown && head_word.chars().next().is_some_and(char::is_lowercase);
    if head_is_role || syn.upos(h) == Upos::Noun || untagged_noun {
        let plural = sources::is_plural(head_word);
        if !plural {
            if let Some(entity) = described_entity(doc, syn, a, b, h, memory) {
                out.entity = Some(entity);
                out.new_mention = Some((span, MentionKind::Description));
                let kind = doc.entities.get(entity as usize).map(|e| e.kind).unwrap_or(EntityKind::Person);
                out.kind = named_kind(doc, entity, kind);
                out.anonymous = false;
                if kind == EntityKind::Person {
                    memory.last_speaker = Some((entity, syn_sentence(doc, syn)));
                }
                return out;
            }
        }
        // An organisation described by its kind ("the ministry") with a named affiliation.
        if is_body(head_word) {
            if let Some(m) = name {
                out.entity = doc.mentions[m].entity;
                out.kind = SourceKind::NamedOrganisation;
                memory.last_group = Some(out.clone());
                return out;
            }
        }
        out.kind = if anonymous_marked || !plural { SourceKind::Anonymous } else { SourceKind::UnnamedGroup };
        if !plural {
            out.anonymous = true;
        }
        if plural {
            memory.last_group = Some(out.clone());
        }
        return out;
    }
    out.kind = SourceKind::Unspecified;
    out
}

fn syn_sentence(doc: &Document, syn: &Syntax) -> usize {
    doc.tokens.get(syn.start).and_then(|t| doc.sentence_at(t.span.start)).unwrap_or(0)
}

/// Organisation nouns: a source described this way is an organisation, not a person.
fn is_body(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "government"
            | "ministry"
            | "administration"
            | "department"
            | "agency"
            | "embassy"
            | "military"
            | "army"
            | "police"
            | "court"
            | "committee"
            | "council"
            | "office"
            | "company"
            | "firm"
            | "campaign"
            | "party"
            | "regime"
            | "authorities"
            | "board"
            | "commission"
            | "cabinet"
            | "parliament"
            | "congress"
            | "senate"
            | "house"
            | "navy"
            | "union"
            | "coalition"
            | "bank"
            | "team"
            | "group"
            | "organization"
            | "organisation"
    )
}

fn named_kind(doc: &Document, entity: u32, kind: EntityKind) -> SourceKind {
    let Some(e) = doc.entities.get(entity as usize) else { return SourceKind::Unspecified };
    match kind {
        EntityKind::Person => SourceKind::NamedPerson,
        EntityKind::Norp => SourceKind::UnnamedGroup,
        _ => {
            if sources::is_outlet_name(&e.name) || e.descriptors.iter().any(|d| sources::describes_outlet(d))
            {
                SourceKind::Outlet
            } else {
                SourceKind::NamedOrganisation
            }
        }
    }
}

fn resolve_pronoun(
    doc: &Document,
    syn: &Syntax,
    h: usize,
    mut out: Resolved,
    memory: &mut Memory,
) -> Resolved {
    let word = syn.lower(h);
    let here = syn.span(h, h + 1);
    let sentence = syn_sentence(doc, syn);
    match word.as_str() {
        "i" | "we" | "me" | "us" => {
            out.kind = SourceKind::Unspecified;
            return out;
        }
        "they" | "them" | "it" => {
            if let Some(group) = memory.last_group.clone() {
                out.entity = group.entity;
                out.kind = group.kind;
                out.anonymous |= group.anonymous;
                if let Some(e) = group.entity {
                    out.new_mention = Some((here, MentionKind::Pronoun));
                    out.entity = Some(e);
                }
            } else {
                out.kind = SourceKind::Unspecified;
            }
            return out;
        }
        _ => {}
    }
    let gender = pronoun_gender(&word);
    let compatible = |e: u32, memory: &Memory| match (gender, memory.genders.get(&e)) {
        (Some(g), Some(known)) => g == *known,
        _ => true,
    };
    // The last speaker, if recent and compatible, and no other person was named since.
    let mut chosen: Option<u32> = None;
    // Another person who became the subject of a sentence since the last speaker spoke takes
    // over; a person merely mentioned ("accusing Alicia Machado") does not.
    let last_subject = subjects_before(doc, here.start).find(|&e| compatible(e, memory));
    if let Some((e, s)) = memory.last_speaker {
        let recent = sentence.saturating_sub(s) <= 3;
        let interrupted = last_subject.is_some_and(|other| other != e);
        if recent && compatible(e, memory) && !interrupted {
            chosen = Some(e);
        }
    }
    if chosen.is_none() {
        chosen = last_subject.or_else(|| persons_before(doc, here.start).find(|&e| compatible(e, memory)));
    }
    match chosen {
        Some(e) => {
            if let Some(g) = gender {
                memory.genders.entry(e).or_insert(g);
            }
            memory.last_speaker = Some((e, sentence));
            out.entity = Some(e);
            out.kind = SourceKind::NamedPerson;
            out.anonymous = false;
            out.new_mention = Some((here, MentionKind::Pronoun));
        }
        None => out.kind = SourceKind::Unspecified,
    }
    out
}

/// Person entities mentioned by name before byte `offset`, most recent first.
fn persons_before(doc: &Document, offset: u32) -> impl Iterator<Item = u32> + '_ {
    let end = doc.mentions.partition_point(|m| m.span.start < offset);
    doc.mentions[..end]
        .iter()
        .rev()
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| m.entity)
        .filter(move |&e| doc.entities.get(e as usize).is_some_and(|x| x.kind == EntityKind::Person))
}

/// Person entities named as the subject of a sentence before byte `offset` (by the parse,
/// or, without one, by standing at the start of the sentence), most recent first, within
/// the last few sentences.
fn subjects_before(doc: &Document, offset: u32) -> impl Iterator<Item = u32> + '_ {
    let end = doc.mentions.partition_point(|m| m.span.start < offset);
    let here = doc.sentence_at(offset).unwrap_or(0);
    doc.mentions[..end]
        .iter()
        .rev()
        .take_while(move |m| doc.sentence_at(m.span.start).is_none_or(|s| here.saturating_sub(s) <= 3))
        .filter(|m| m.kind == MentionKind::Name && is_subject_like(doc, m.span))
        .filter_map(|m| m.entity)
        .filter(move |&e| doc.entities.get(e as usize).is_some_and(|x| x.kind == EntityKind::Person))
}

fn is_subject_like(doc: &Document, span: Span) -> bool {
    let tokens = doc.tokens_in(span);
    if tokens.is_empty() {
        return false;
    }
    let parsed = doc.tokens[tokens.clone()].iter().any(|t| t.head.is_some());
    if parsed {
        return doc.tokens[tokens].iter().any(|t| t.rel.is_subject());
    }
    let Some(s) = doc.sentence_at(span.start) else { return false };
    tokens.start <= doc.sentences[s].tokens.start as usize + 3
}

/// The entity a singular description refers to, if the text says.
fn described_entity(
    doc: &Document,
    syn: &Syntax,
    a: usize,
    b: usize,
    h: usize,
    memory: &Memory,
) -> Option<u32> {
    let head_word = syn.lower(h);
    let gender = role_gender(&head_word);
    // "the spokesman": an entity already described with the same role word.
    let definite = matches!(syn.lower(a).as_str(), "the" | "this" | "that");
    let here = syn.span(a, b).start;
    if definite {
        let found = persons_and_orgs_before(doc, here).find(|&e| {
            doc.entities.get(e as usize).is_some_and(|x| {
                x.descriptors.iter().any(|d| d.to_lowercase().split_whitespace().any(|w| w == head_word))
            })
        });
        if found.is_some() {
            return found;
        }
    }
    // An appositive name right after the description ("a spokesman, Liu Pengyu,").
    if syn.contains(b) && syn.word(b) == "," {
        let after = syn.span(b + 1, (b + 5).min(syn.end));
        let from = doc.mentions.partition_point(|m| m.span.start < after.start);
        if let Some(m) = doc.mentions[from..].iter().take(4).find(|m| {
            m.kind == MentionKind::Name && m.label == EntityKind::Person && m.span.start == after.start
        }) {
            return m.entity;
        }
    }
    // A person introduced by name at the start of the next sentence.
    if !definite || gender.is_some() {
        let s = syn_sentence(doc, syn);
        if let Some(next) = doc.sentences.get(s + 1) {
            let window_end = doc
                .tokens
                .get((next.tokens.start as usize + 3).min(next.tokens.end as usize).saturating_sub(1))
                .map(|t| t.span.end)
                .unwrap_or(next.span.end);
            let from = doc.mentions.partition_point(|m| m.span.start < next.span.start);
            let first = doc.mentions.iter().enumerate().skip(from).take(8).find(|(_, m)| {
                m.kind == MentionKind::Name
                    && m.label == EntityKind::Person
                    && m.span.start >= next.span.start
                    && m.span.start < window_end
            });
            if let Some((i, m)) = first {
                let e = m.entity?;
                let entity = doc.entities.get(e as usize)?;
                let introduced_here = entity.mentions.first().is_some_and(|&f| f as usize == i);
                let compatible = match (gender, memory.genders.get(&e)) {
                    (Some(g), Some(k)) => g == *k,
                    _ => true,
                };
                if introduced_here && compatible {
                    return Some(e);
                }
            }
        }
    }
    None
}

fn persons_and_orgs_before(doc: &Document, offset: u32) -> impl Iterator<Item = u32> + '_ {
    let end = doc.mentions.partition_point(|m| m.span.start < offset);
    doc.mentions[..end].iter().rev().filter_map(|m| m.entity)
}
