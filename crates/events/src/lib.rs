//! Actors and events: newsgraph codes who did what to whom, from its own parse, at pipeline
//! speed, and says on whose word each event rests.
//!
//! - [`ActorCoder`] gives entities CAMEO-style actor codes (`CHNGOV`, `USAMED`, `RUSMIL`) from
//!   a built-in dictionary of countries, organisations and dated leading officials, and from
//!   the descriptors the text gives them ("Chinese commentator Hu Xijin" → `CHNMED`).
//! - [`EventCoder`] codes events from each sentence's dependency parse: source, target, CAMEO
//!   code with Goldstein score, QuadClass and PLOVER type, the cue, negation, modality and the
//!   attribution the event rests on.
//! - [`gdelt`] writes GDELT 2.0 Events, Mentions and GKG 2.1 rows.
//! - [`petrarch`] loads PETRARCH-format actor and agent dictionaries, as an option.
//! - [`evaluation`] scores the coder on the PETRARCH-2 validation set.
//!
//! ```
//! use newsgraph_model::Component;
//! use newsgraph_events::{conllu, ActorCoder, EventCoder};
//!
//! let parse = "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
//!              2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n\
//!              3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
//! let mut doc = conllu::document("d", parse).unwrap();
//! ActorCoder::new().annotate(&mut doc);
//! EventCoder::new().annotate(&mut doc);
//! let e = &doc.events[0];
//! assert_eq!((e.source.code.as_str(), e.target.as_ref().unwrap().code.as_str()), ("RUS", "UKR"));
//! assert_eq!((e.cameo.as_str(), e.quad_class, e.plover.as_str()), ("190", 4, "ASSAULT"));
//! ```

pub mod actors;
pub mod codebook;
pub mod coder;
pub mod conllu;
pub mod dictionary;
pub mod evaluation;
pub mod gdelt;
pub mod lemma;
pub mod patterns;
pub mod petrarch;
pub mod syntax;

pub use actors::ActorCoder;
pub use coder::EventCoder;
pub use dictionary::ActorDictionary;
