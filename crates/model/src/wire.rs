//! The `newsgraph/1` JSON schema: the document as users and other tools see it.
//!
//! Inside the engine, spans are byte ranges and cross-references are indices. On the wire,
//! spans are `[start, end)` offsets in Unicode scalar values into `text`, and
//! cross-references are string ids (`e1`, `q1`, `a1`, `v1`). [`Record::from_document`] and
//! [`Record::into_document`] convert between the two; `docs/output-format.md` describes every
//! field. Fields are only ever added within a schema version.

use crate::{
    Attribution, CharIndex, Diagnostic, Document, Entity, EntityKind, Event, EventActor, Mention,
    MentionKind, Metadata, Modality, Quote, QuoteKind, Sentence, Severity, Source, SourceKind, Span, Status,
    Token,
};
use serde::{Deserialize, Serialize};

/// The schema identifier written in every record.
pub const SCHEMA: &str = "newsgraph/1";

/// `[start, end)` in Unicode scalar values.
pub type CharSpan = [u32; 2];

/// What to include beyond the default fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Include `sentences` (spans).
    pub sentences: bool,
    /// Include `tokens` (span, tags, lemma, head, relation).
    pub tokens: bool,
}

/// One document on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Document id.
    pub id: String,
    /// Source address.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet or site name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date, ISO 8601.
    #[serde(default)]
    pub published: Option<String>,
    /// Bylines.
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 639-1 language code.
    #[serde(default)]
    pub language: Option<String>,
    /// Where in the input the document came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Id of an earlier document with the same or nearly the same text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Other fields of the input record.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// The clean text; every span indexes into it.
    pub text: String,
    /// Sentence spans (only with [`Options::sentences`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<CharSpan>>,
    /// Tokens (only with [`Options::tokens`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    /// People, organisations, places and groups.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Quotations.
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    /// Attributed claims.
    #[serde(default)]
    pub attributions: Vec<AttributionRecord>,
    /// Coded events.
    #[serde(default)]
    pub events: Vec<EventRecord>,
    /// Remarks from the engine about this document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// A token on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// Extent.
    pub span: CharSpan,
    /// Universal part of speech.
    pub upos: String,
    /// Penn Treebank tag.
    pub tag: String,
    /// Lemma.
    pub lemma: String,
    /// Index of the head token in `tokens`, `null` for a sentence root.
    pub head: Option<u32>,
    /// Dependency relation.
    pub rel: String,
}

/// A mention on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Extent.
    pub span: CharSpan,
    /// `name`, `pronoun` or `description`.
    pub kind: String,
    /// The mention's words.
    pub text: String,
}

/// An entity on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// `e1`, `e2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `FAC`, `EVENT`, `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every mention, in text order.
    pub mentions: Vec<MentionRecord>,
    /// What the text says the entity is.
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// CAMEO-style actor code.
    #[serde(default)]
    pub actor: Option<String>,
}

/// A quotation on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// `q1`, `q2`, …
    pub id: String,
    /// The quoted words, without quotation marks.
    pub span: CharSpan,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// The reporting cue.
    pub cue: Option<CharSpan>,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// The words naming the speaker at this quotation.
    pub speaker_mention: Option<CharSpan>,
    /// Attribution id.
    pub attribution: Option<String>,
}

/// A source on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// Entity id.
    pub entity: Option<String>,
    /// The words naming the source here.
    pub mention: Option<CharSpan>,
    /// `named_person`, `named_organisation`, `anonymous`, `unnamed_group`, `outlet`,
    /// `document`, `unspecified`.
    pub kind: String,
    /// True when the source is not named on purpose.
    #[serde(default)]
    pub anonymous: bool,
}

/// An attribution on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    /// `a1`, `a2`, …
    pub id: String,
    /// The claim.
    pub content: CharSpan,
    /// The reporting cue.
    pub cue: Option<CharSpan>,
    /// Who the claim rests on.
    pub source: SourceRecord,
    /// The channel or addressee.
    pub via: Option<CharSpan>,
    /// `asserted`, `denied`, `declined_to_comment`, `belief`, `hedged`.
    pub status: String,
    /// The hedge word, if any.
    #[serde(default)]
    pub hedge: Option<CharSpan>,
    /// The enclosing attribution's id.
    pub parent: Option<String>,
}

/// An event side on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// Entity id.
    pub entity: Option<String>,
    /// CAMEO actor code ("" when unknown).
    pub actor: String,
    /// The words naming the actor.
    #[serde(default)]
    pub mention: Option<CharSpan>,
}

/// An event on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// `v1`, `v2`, …
    pub id: String,
    /// Who acts.
    pub source: ActorRecord,
    /// Who is acted upon.
    pub target: Option<ActorRecord>,
    /// CAMEO event code.
    pub cameo: String,
    /// Goldstein score.
    pub goldstein: f32,
    /// GDELT QuadClass (1–4).
    pub quad_class: u8,
    /// PLOVER event type.
    pub plover: String,
    /// The words expressing the event.
    pub cue: CharSpan,
    /// True if negation was folded into the code.
    pub negated: bool,
    /// `asserted`, `planned`, `hypothetical`, `reported`.
    pub modality: String,
    /// Attribution id.
    pub attribution: Option<String>,
}

/// A diagnostic on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticRecord {
    /// `info`, `warning`, `error`.
    pub severity: String,
    /// The stage that raised it.
    pub stage: String,
    /// What happened.
    pub message: String,
    /// Where, if anywhere.
    #[serde(default)]
    pub span: Option<CharSpan>,
}

fn id(prefix: char, index: u32) -> String {
    format!("{prefix}{}", index as u64 + 1)
}

fn parse_id(prefix: char, id: &str) -> Option<u32> {
    id.strip_prefix(prefix)?.parse::<u32>().ok()?.checked_sub(1)
}

impl Record {
    /// The wire form of a document.
    pub fn from_document(doc: &Document, options: Options) -> Record {
        let index = CharIndex::new(&doc.text);
        let cs = |span: Span| index.chars(span);
        let ocs = |span: Option<Span>| span.map(|s| index.chars(s));
        let meta = &doc.meta;
        Record {
            schema: SCHEMA.to_string(),
            id: doc.id.clone(),
            url: meta.url.clone(),
            outlet: meta.outlet.clone(),
            title: meta.title.clone(),
            published: meta.published.clone(),
            authors: meta.authors.clone(),
            language: meta.language.clone(),
            origin: meta.origin.clone(),
            duplicate_of: meta.duplicate_of.clone(),
            meta: meta.extra.clone(),
            text: doc.text.clone(),
            sentences: options.sentences.then(|| doc.sentences.iter().map(|s| cs(s.span)).collect()),
            tokens: options.tokens.then(|| {
                doc.tokens
                    .iter()
                    .map(|t| TokenRecord {
                        span: cs(t.span),
                        upos: t.upos.as_str().to_string(),
                        tag: t.tag.as_str().to_string(),
                        lemma: t.lemma.clone(),
                        head: t.head,
                        rel: t.rel.as_str().to_string(),
                    })
                    .collect()
            }),
            entities: doc
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityRecord {
                    id: id('e', i as u32),
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    mentions: e
                        .mentions
                        .iter()
                        .filter_map(|&m| doc.mentions.get(m as usize))
                        .map(|m| MentionRecord {
                            span: cs(m.span),
                            kind: m.kind.as_str().to_string(),
                            text: doc.slice(m.span).to_string(),
                        })
                        .collect(),
                    descriptors: e.descriptors.clone(),
                    actor: e.actor.clone(),
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| QuoteRecord {
                    id: id('q', i as u32),
                    span: cs(q.span),
                    kind: q.kind.as_str().to_string(),
                    cue: ocs(q.cue),
                    speaker: q.speaker.map(|e| id('e', e)),
                    speaker_mention: ocs(q.speaker_mention),
                    attribution: q.attribution.map(|a| id('a', a)),
                })
                .collect(),
            attributions: doc
                .attributions
                .iter()
                .enumerate()
                .map(|(i, a)| AttributionRecord {
                    id: id('a', i as u32),
                    content: cs(a.content),
                    cue: ocs(a.cue),
                    source: SourceRecord {
                        entity: a.source.entity.map(|e| id('e', e)),
                        mention: ocs(a.source.mention),
                        kind: a.source.kind.as_str().to_string(),
                        anonymous: a.source.anonymous,
                    },
                    via: ocs(a.via),
                    status: a.status.as_str().to_string(),
                    hedge: ocs(a.hedge),
                    parent: a.parent.map(|p| id('a', p)),
                })
                .collect(),
            events: doc
                .events
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let actor = |a: &EventActor| ActorRecord {
                        entity: a.entity.map(|e| id('e', e)),
                        actor: a.code.clone(),
                        mention: ocs(a.mention),
                    };
                    EventRecord {
                        id: id('v', i as u32),
                        source: actor(&v.source),
                        target: v.target.as_ref().map(actor),
                        cameo: v.cameo.clone(),
                        goldstein: v.goldstein,
                        quad_class: v.quad_class,
                        plover: v.plover.clone(),
                        cue: cs(v.cue),
                        negated: v.negated,
                        modality: v.modality.as_str().to_string(),
                        attribution: v.attribution.map(|a| id('a', a)),
                    }
                })
                .collect(),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| DiagnosticRecord {
                    severity: d.severity.as_str().to_string(),
                    stage: d.stage.clone(),
                    message: d.message.clone(),
                    span: ocs(d.span),
                })
                .collect(),
        }
    }

    /// Rebuild the document a record describes (tokens and sentences only if the record has
    /// them). Unknown labels fall back to defaults; dangling ids become `None`.
    pub fn into_document(self) -> Document {
        let index = CharIndex::new(&self.text);
        let bs = |span: CharSpan| index.bytes(span);
        let obs = |span: Option<CharSpan>| span.map(|s| index.bytes(s));
        let mut doc = Document::new(self.id, String::new());
        doc.meta = Metadata {
            url: self.url,
            outlet: self.outlet,
            title: self.title,
            published: self.published,
            authors: self.authors,
            language: self.language,
            origin: self.origin,
            duplicate_of: self.duplicate_of,
            extra: self.meta,
        };
        let n_entities = self.entities.len() as u32;
        let n_attributions = self.attributions.len() as u32;
        let entity = |id: Option<String>| id.and_then(|i| parse_id('e', &i)).filter(|&e| e < n_entities);
        let attribution =
            |id: Option<String>| id.and_then(|i| parse_id('a', &i)).filter(|&a| a < n_attributions);
        if let Some(tokens) = self.tokens {
            doc.tokens = tokens
                .into_iter()
                .map(|t| Token {
                    span: bs(t.span),
                    upos: crate::Upos::parse(&t.upos),
                    tag: crate::Tag::parse(&t.tag),
                    lemma: t.lemma,
                    head: t.head,
                    rel: crate::DepRel::parse(&t.rel),
                })
                .collect();
        }
        if let Some(sentences) = self.sentences {
            doc.sentences = sentences
                .into_iter()
                .map(|s| {
                    let span = bs(s);
                    let tokens = doc.tokens_in(span);
                    Sentence { span, tokens: tokens.start as u32..tokens.end as u32 }
                })
                .collect();
        }
        for (i, e) in self.entities.into_iter().enumerate() {
            let mut mentions = Vec::new();
            let kind = EntityKind::parse(&e.kind).unwrap_or_default();
            for m in e.mentions {
                let mention_kind = match m.kind.as_str() {
                    "pronoun" => MentionKind::Pronoun,
                    "description" => MentionKind::Description,
                    _ => MentionKind::Name,
                };
                mentions.push(doc.mentions.len() as u32);
                doc.mentions.push(Mention {
                    span: bs(m.span),
                    kind: mention_kind,
                    label: kind,
                    entity: Some(i as u32),
                });
            }
            doc.entities.push(Entity {
                name: e.name,
                kind,
                mentions,
                descriptors: e.descriptors,
                actor: e.actor,
            });
        }
        doc.mentions.sort_by_key(|m| m.span);
        // Mention indices changed with the sort: rebuild each entity's list.
        for e in &mut doc.entities {
            e.mentions.clear();
        }
        for (m, mention) in doc.mentions.iter().enumerate() {
            if let Some(e) = mention.entity.and_then(|e| doc.entities.get_mut(e as usize)) {
                e.mentions.push(m as u32);
            }
        }
        doc.quotes = self
            .quotes
            .into_iter()
            .map(|q| Quote {
                span: bs(q.span),
                kind: match q.kind.as_str() {
                    "partial" => QuoteKind::Partial,
                    "indirect" => QuoteKind::Indirect,
                    _ => QuoteKind::Direct,
                },
                cue: obs(q.cue),
                speaker: entity(q.speaker),
                speaker_mention: obs(q.speaker_mention),
                attribution: attribution(q.attribution),
            })
            .collect();
        doc.attributions = self
            .attributions
            .into_iter()
            .map(|a| Attribution {
                content: bs(a.content),
                cue: obs(a.cue),
                source: Source {
                    entity: entity(a.source.entity),
                    mention: obs(a.source.mention),
                    kind: SourceKind::parse(&a.source.kind).unwrap_or_default(),
                    anonymous: a.source.anonymous,
                },
                via: obs(a.via),
                status: match a.status.as_str() {
                    "denied" => Status::Denied,
                    "declined_to_comment" => Status::DeclinedToComment,
                    "belief" => Status::Belief,
                    "hedged" => Status::Hedged,
                    _ => Status::Asserted,
                },
                hedge: obs(a.hedge),
                parent: attribution(a.parent),
            })
            .collect();
        doc.events = self
            .events
            .into_iter()
            .map(|v| {
                let actor = |a: ActorRecord| EventActor {
                    entity: entity(a.entity),
                    mention: obs(a.mention),
                    code: a.actor,
                };
                Event {
                    source: actor(v.source),
                    target: v.target.map(actor),
                    cameo: v.cameo,
                    goldstein: v.goldstein,
                    quad_class: v.quad_class,
                    plover: v.plover,
                    cue: bs(v.cue),
                    negated: v.negated,
                    modality: match v.modality.as_str() {
                        "planned" => Modality::Planned,
                        "hypothetical" => Modality::Hypothetical,
                        "reported" => Modality::Reported,
                        _ => Modality::Asserted,
                    },
                    attribution: attribution(v.attribution),
                }
            })
            .collect();
        doc.diagnostics = self
            .diagnostics
            .into_iter()
            .map(|d| Diagnostic {
                severity: match d.severity.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    _ => Severity::Info,
                },
                stage: d.stage,
                message: d.message,
                span: obs(d.span),
            })
            .collect();
        doc.text = self.text;
        doc
    }

    /// One line of JSON (no trailing newline).
    pub fn to_json_line(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let text = "“Too arrogant,” said Hu Xijin. He added more.";
        let mut doc = Document::new("doc-1", text);
        doc.meta.title = Some("Title".into());
        let hu = Span::new(text.find("Hu").unwrap(), text.find("Hu").unwrap() + "Hu Xijin".len());
        let he = Span::new(text.find("He").unwrap(), text.find("He").unwrap() + 2);
        doc.mentions.push(Mention {
            span: hu,
            kind: MentionKind::Name,
            label: EntityKind::Person,
            entity: Some(0),
        });
        doc.mentions.push(Mention {
            span: he,
            kind: MentionKind::Pronoun,
            label: EntityKind::Person,
            entity: Some(0),
        });
        doc.entities.push(Entity {
            name: "Hu Xijin".into(),
            kind: EntityKind::Person,
            mentions: vec![0, 1],
            descriptors: vec!["Chinese commentator".into()],
            actor: Some("CHNMED".into()),
        });
        let content = Span::new("“".len(), "“Too arrogant,".len());
        let said = Span::new(text.find("said").unwrap(), text.find("said").unwrap() + 4);
        doc.attributions.push(Attribution {
            content,
            cue: Some(said),
            source: Source {
                entity: Some(0),
                mention: Some(hu),
                kind: SourceKind::NamedPerson,
                anonymous: false,
            },
            ..Attribution::default()
        });
        doc.quotes.push(Quote {
            span: content,
            kind: QuoteKind::Direct,
            cue: Some(said),
            speaker: Some(0),
            speaker_mention: Some(hu),
            attribution: Some(0),
        });
        doc
    }

    #[test]
    fn spans_are_written_in_characters() {
        let record = Record::from_document(&sample(), Options::default());
        assert_eq!(record.schema, "newsgraph/1");
        // “ is one character (three bytes): the quote starts at character 1.
        assert_eq!(record.quotes[0].span, [1, 14]);
        assert_eq!(record.quotes[0].speaker.as_deref(), Some("e1"));
        assert_eq!(record.quotes[0].attribution.as_deref(), Some("a1"));
        let chars: Vec<char> = record.text.chars().collect();
        let hu = record.entities[0].mentions[0].span;
        let name: String = chars[hu[0] as usize..hu[1] as usize].iter().collect();
        assert_eq!(name, "Hu Xijin");
        assert_eq!(record.entities[0].mentions[1].kind, "pronoun");
    }

    #[test]
    fn json_round_trip_preserves_the_document() {
        let doc = sample();
        let line = Record::from_document(&doc, Options::default()).to_json_line();
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back.clone().into_document(), doc);
        assert!(line.starts_with(r#"{"schema":"newsgraph/1","id":"doc-1""#));
    }

    #[test]
    fn dangling_ids_are_dropped_on_read() {
        let mut record = Record::from_document(&sample(), Options::default());
        record.quotes[0].speaker = Some("e9".into());
        record.quotes[0].attribution = Some("bogus".into());
        let doc = record.into_document();
        assert_eq!(doc.quotes[0].speaker, None);
        assert_eq!(doc.quotes[0].attribution, None);
    }
}
