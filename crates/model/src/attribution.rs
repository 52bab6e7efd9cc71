//! Reported speech: quotations and attributed claims, their sources, cues and status.

use crate::Span;

/// How much of a quotation is the speaker's own words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A quoted sentence or more, in quotation marks.
    #[default]
    Direct,
    /// A quoted fragment inside the writer's own sentence ("called the move “too arrogant”").
    Partial,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
}

impl QuoteKind {
    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation: words presented as somebody's speech or writing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks (bytes).
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The verb or phrase that introduces the speech ("said", "according to").
    pub cue: Option<Span>,
    /// The speaker entity (index into `Document::entities`).
    pub speaker: Option<u32>,
    /// The mention that names the speaker at this quotation ("he", "Sun", "a spokesman").
    pub speaker_mention: Option<Span>,
    /// The attribution this quotation belongs to (index into `Document::attributions`).
    pub attribution: Option<u32>,
}

/// What kind of source a claim rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// A person named in the text ("Sun Yun").
    NamedPerson,
    /// An organisation, government or institution named in the text ("the White House").
    NamedOrganisation,
    /// An individual whose name is withheld ("a U.S. official", "a source familiar with …").
    Anonymous,
    /// A group of unnamed people ("analysts", "American officials", "experts").
    UnnamedGroup,
    /// A news outlet ("the Financial Times").
    Outlet,
    /// A document, report, poll or study ("the report", "a statement").
    Document,
    /// No source is identifiable ("it is said", "reports emerged").
    #[default]
    Unspecified,
}

impl SourceKind {
    /// Every kind, in a fixed order.
    pub const ALL: &'static [SourceKind] = &[
        SourceKind::NamedPerson,
        SourceKind::NamedOrganisation,
        SourceKind::Anonymous,
        SourceKind::UnnamedGroup,
        SourceKind::Outlet,
        SourceKind::Document,
        SourceKind::Unspecified,
    ];

    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named_person",
            SourceKind::NamedOrganisation => "named_organisation",
            SourceKind::Anonymous => "anonymous",
            SourceKind::UnnamedGroup => "unnamed_group",
            SourceKind::Outlet => "outlet",
            SourceKind::Document => "document",
            SourceKind::Unspecified => "unspecified",
        }
    }

    /// Parse an output label.
    pub fn parse(label: &str) -> Option<SourceKind> {
        SourceKind::ALL.iter().copied().find(|k| k.as_str() == label)
    }
}

/// The stance the source takes toward the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    /// The source states the content ("said", "told", "noted").
    #[default]
    Asserted,
    /// The source denies the content ("denied", "rejected claims that").
    Denied,
    /// The source would not speak ("declined to comment").
    DeclinedToComment,
    /// The content is the source's belief or opinion ("believes", "thinks", "suspects").
    Belief,
    /// The attribution itself is hedged ("reportedly told", "is said to have").
    Hedged,
}

impl Status {
    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Asserted => "asserted",
            Status::Denied => "denied",
            Status::DeclinedToComment => "declined_to_comment",
            Status::Belief => "belief",
            Status::Hedged => "hedged",
        }
    }
}

/// Who a claim rests on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    /// The source entity, when it could be resolved (index into `Document::entities`).
    pub entity: Option<u32>,
    /// The words that name the source at this claim ("U.S. officials", "he").
    pub mention: Option<Span>,
    /// Named person, anonymous, outlet, …
    pub kind: SourceKind,
    /// True when the text says the source spoke on condition of anonymity or was not named.
    pub anonymous: bool,
}

/// A reported claim: content, the cue that reports it, its source and how it reached the writer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// What is claimed (bytes).
    pub content: Span,
    /// The reporting verb or phrase ("told", "according to", "declined to comment").
    pub cue: Option<Span>,
    /// Who the claim rests on.
    pub source: Source,
    /// The channel or addressee ("several news outlets", "U.S. News", "in a video").
    pub via: Option<Span>,
    /// Asserted, denied, belief, …
    pub status: Status,
    /// The hedge that weakens the attribution ("reportedly"), if any.
    pub hedge: Option<Span>,
    /// The attribution this one is reported within (index into `Document::attributions`):
    /// in "the FT reported that officials told allies that …", the officials' claim has the
    /// FT's report as parent.
    pub parent: Option<u32>,
}
