//! Events between actors, coded in CAMEO and PLOVER.

use crate::Span;

/// One side of an event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventActor {
    /// The entity, when the actor is one (index into `Document::entities`).
    pub entity: Option<u32>,
    /// The words that name the actor in this event.
    pub mention: Option<Span>,
    /// CAMEO actor code (`CHN`, `USAGOV`); empty when unknown.
    pub code: String,
}

/// Whether an event happened, is planned, is hypothetical, or is only reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact by the writer.
    #[default]
    Asserted,
    /// Announced or intended ("will meet", "plans to").
    Planned,
    /// Conditional or possible ("could", "if …").
    Hypothetical,
    /// Stated on somebody else's word (an attribution).
    Reported,
}

impl Modality {
    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Reported => "reported",
        }
    }
}

/// An event: who did what to whom, coded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    /// Who acts.
    pub source: EventActor,
    /// Who is acted upon, if anyone.
    pub target: Option<EventActor>,
    /// CAMEO event code, two to four digits ("1222").
    pub cameo: String,
    /// Goldstein conflict–cooperation score of the code, -10 to +10.
    pub goldstein: f32,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type ("REJECT", "AID").
    pub plover: String,
    /// The words that express the event.
    pub cue: Span,
    /// True when the text negates the event and the code already reflects it.
    pub negated: bool,
    /// Asserted, planned, hypothetical, reported.
    pub modality: Modality,
    /// The attribution the event rests on (index into `Document::attributions`).
    pub attribution: Option<u32>,
}
