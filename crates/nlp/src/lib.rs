//! Statistical NLP for newsgraph, in Rust with no runtime ML dependency: a part-of-speech
//! tagger, a dependency parser, a named-entity recogniser and a lemmatiser, trained on
//! Universal Dependencies English EWT and Universal NER English EWT.

pub mod binary;
pub mod components;
pub mod conllu;
pub mod eval;
pub mod gazetteer;
pub mod hash;
pub mod lemma;
pub mod linear;
pub mod ner;
pub mod parser;
pub mod tagger;
pub mod train;
pub mod word;

/// Licence and attribution carried by every trained model file.
pub const DATA_NOTICE: &str = "Trained on Universal Dependencies English Web Treebank v2.15 \
(Silveira et al. 2014; UniversalDependencies/UD_English-EWT) and Universal NER English EWT \
(Mayhew et al. 2024; UniversalNER/UNER_English-EWT), both licensed CC BY-SA 4.0. This model file \
is a derivative of that data and is licensed CC BY-SA 4.0: \
https://creativecommons.org/licenses/by-sa/4.0/";
