//! Statistical NLP for newsgraph, in Rust with no runtime ML dependency: a part-of-speech
//! tagger, a dependency parser, a named-entity recogniser and a lemmatiser, trained on
//! Universal Dependencies English EWT and Universal NER English EWT.
//!
//! The models are compiled in ([`components::shipped`]); each model predicts on plain words,
//! and [`components`] wraps them as pipeline components over a document.
//!
//! ```
//! use newsgraph_nlp::{ner::Recognizer, parser::Parser, tagger::Tagger};
//! use newsgraph_model::{DepRel, EntityKind, Upos};
//!
//! let words = ["Officials", "in", "Beijing", "said", "it", "was", "arrogant", "."];
//! let tags = Tagger::load_default().unwrap().predict(&words);
//! assert_eq!(tags[3].0, Upos::Verb);
//! let arcs = Parser::load_default().unwrap().predict(&words, &tags);
//! assert_eq!(arcs[3], (None, DepRel::Root)); // "said"
//! let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
//! let names = Recognizer::load_default().unwrap().predict(&words, &upos);
//! assert_eq!((names[0].start, names[0].kind), (2, EntityKind::Gpe));
//! ```

pub mod binary;
pub mod clusters;
pub mod components;
pub mod conllu;
pub mod eval;
pub mod gazetteer;
pub mod hash;
pub mod lemma;
pub mod linear;
pub mod name_edges;
pub mod ner;
pub mod openers;
pub mod parser;
pub mod recurring;
pub mod repair;
pub mod tagger;
pub mod train;
pub mod word;
pub mod wordnet;

/// Licence and attribution carried by every trained model file.
pub const DATA_NOTICE: &str = "Trained on Universal Dependencies English Web Treebank v2.15 \
(Silveira et al. 2014; UniversalDependencies/UD_English-EWT) and Universal NER English EWT \
(Mayhew et al. 2024; UniversalNER/UNER_English-EWT), both licensed CC BY-SA 4.0. This model file \
is a derivative of that data and is licensed CC BY-SA 4.0: \
https://creativecommons.org/licenses/by-sa/4.0/";
