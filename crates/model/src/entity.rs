//! Named things in a document: their mentions (names, pronouns, descriptions) and the
//! entities that group those mentions under one canonical name.

use crate::Span;

/// What kind of thing an entity or a mention is. Names follow OntoNotes as spaCy prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, institutions, parties, outlets.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, bodies of water, mountain ranges.
    Loc,
    /// Nationalities, religious and political groups ("Chinese", "Republicans").
    Norp,
    /// Buildings, airports, roads, bridges.
    Fac,
    /// Named events (wars, summits, games).
    Event,
    /// Other proper names the recogniser found but could not classify.
    #[default]
    Misc,
}

impl EntityKind {
    /// Every kind, in a fixed order.
    pub const ALL: &'static [EntityKind] = &[
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Gpe,
        EntityKind::Loc,
        EntityKind::Norp,
        EntityKind::Fac,
        EntityKind::Event,
        EntityKind::Misc,
    ];

    /// The label used in the output (`PERSON`, `ORG`, `GPE`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
            EntityKind::Fac => "FAC",
            EntityKind::Event => "EVENT",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parse an output label; also accepts the UNER / CoNLL names `PER` and `LOC`.
    pub fn parse(label: &str) -> Option<EntityKind> {
        Some(match label {
            "PERSON" | "PER" => EntityKind::Person,
            "ORG" => EntityKind::Org,
            "GPE" => EntityKind::Gpe,
            "LOC" => EntityKind::Loc,
            "NORP" => EntityKind::Norp,
            "FAC" => EntityKind::Fac,
            "EVENT" => EntityKind::Event,
            "MISC" | "OTH" => EntityKind::Misc,
            _ => return None,
        })
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name, in full or in part ("Hu Xijin", "Hu").
    #[default]
    Name,
    /// A personal or possessive pronoun ("he", "her", "they").
    Pronoun,
    /// A description by role ("a spokesman for the Chinese Embassy").
    Description,
}

impl MentionKind {
    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Description => "description",
        }
    }
}

/// One place in the text that refers to something.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where the mention is (bytes).
    pub span: Span,
    /// Name, pronoun or description.
    pub kind: MentionKind,
    /// What the mention refers to, as far as the mention itself tells.
    pub label: EntityKind,
    /// The entity the mention has been resolved to, if any (index into `Document::entities`).
    pub entity: Option<u32>,
}

impl Mention {
    /// An unresolved mention.
    pub fn new(span: Span, kind: MentionKind, label: EntityKind) -> Mention {
        Mention { span, kind, label, entity: None }
    }
}

/// A person, organisation, place or group, with all the mentions that refer to it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    /// Canonical name: the longest proper name the document gives it.
    pub name: String,
    /// Person, organisation, place, …
    pub kind: EntityKind,
    /// Indices into `Document::mentions`, in text order.
    pub mentions: Vec<u32>,
    /// What the text says the entity is ("Chinese commentator", "director of the China Program").
    pub descriptors: Vec<String>,
    /// CAMEO-style actor code (`CHNGOV`, `USAMED`), once the actor coder has run.
    pub actor: Option<String>,
}
