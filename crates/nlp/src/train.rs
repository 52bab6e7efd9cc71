//! Training commands: read the treebanks from the shared data directory and train each
//! shipped model exactly as it was made, reporting progress through a callback.
//!
//! Everything here needs `../shared/data` (or another directory with the same layout) and
//! fails with [`DataError::Missing`] when it is not there; nothing here is used at run time.

use crate::conllu::{read_conllu, read_iob2, FormatError, TreebankSentence};
use crate::lemma::Lemmatizer;
use crate::ner::{Recognizer, RecognizerOptions};
use crate::parser::{Parser, ParserOptions};
use crate::tagger::{Tagger, TaggerOptions};
use newsgraph_model::{Tag, Upos};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why training or evaluation data could not be read.
#[derive(Debug, Error)]
pub enum DataError {
    /// A data file is not there.
    #[error("{0} not found: the NLP data is expected under ../shared/data (ud-english-ewt, uner-english-ewt); pass --data DIR")]
    Missing(PathBuf),
    /// A data file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A data file is malformed.
    #[error("{path}: {source}")]
    Format {
        /// The file.
        path: PathBuf,
        /// The error.
        source: FormatError,
    },
}

/// A split of the treebanks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// Training data.
    Train,
    /// Development data: for tuning.
    Dev,
    /// Test data: for reporting, once.
    Test,
}

impl Split {
    /// `train`, `dev` or `test`.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

fn read(path: PathBuf) -> Result<String, DataError> {
    if !path.exists() {
        return Err(DataError::Missing(path));
    }
    std::fs::read_to_string(&path).map_err(|source| DataError::Io { path, source })
}

/// Read a UD English EWT split from `data` (the shared data directory).
pub fn ewt(data: &Path, split: Split) -> Result<Vec<TreebankSentence>, DataError> {
    let path = data.join("ud-english-ewt").join(format!("en_ewt-ud-{}.conllu", split.as_str()));
    let text = read(path.clone())?;
    read_conllu(&text).map_err(|source| DataError::Format { path, source })
}

/// Read a UNER English EWT split (for train, the early release with its `OTH` names).
pub fn uner(data: &Path, split: Split) -> Result<Vec<TreebankSentence>, DataError> {
    let name = match split {
        Split::Train => "en_ewt-ud-train.early.iob2".to_string(),
        s => format!("en_ewt-ud-{}.iob2", s.as_str()),
    };
    let path = data.join("uner-english-ewt").join(name);
    let text = read(path.clone())?;
    read_iob2(&text).map_err(|source| DataError::Format { path, source })
}

/// Train the tagger on EWT train.
pub fn tagger(
    data: &Path,
    options: &TaggerOptions,
    mut log: impl FnMut(String),
) -> Result<Tagger, DataError> {
    let train = ewt(data, Split::Train)?;
    log(format!("tagger: {} training sentences", train.len()));
    Ok(Tagger::train(&train, options, |model, epoch, _, acc| {
        log(format!("tagger: model {model} epoch {epoch}: training accuracy {:.2}", 100.0 * acc));
    }))
}

/// Tags of each training sentence from taggers trained on the other `folds` folds, so that
/// models trained on them see tags as noisy as at run time.
pub fn jackknife_tags(
    train: &[TreebankSentence],
    folds: usize,
    options: &TaggerOptions,
    mut log: impl FnMut(String),
) -> Vec<Vec<(Upos, Tag)>> {
    let folds = folds.max(2);
    let mut tags = vec![Vec::new(); train.len()];
    for k in 0..folds {
        let members: Vec<TreebankSentence> =
            train.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, s)| s.clone()).collect();
        let tagger = Tagger::train(&members, options, |_, _, _, _| {});
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == k) {
            tags[i] = tagger.predict(&s.forms());
        }
        log(format!("jackknife: fold {} of {folds} tagged", k + 1));
    }
    tags
}

/// Train the parser on EWT train, with jackknifed tags.
pub fn parser(
    data: &Path,
    tagger_options: &TaggerOptions,
    options: &ParserOptions,
    folds: usize,
    mut log: impl FnMut(String),
) -> Result<Parser, DataError> {
    let train = ewt(data, Split::Train)?;
    let tags = jackknife_tags(&train, folds, tagger_options, &mut log);
    Ok(parser_on(&train, &tags, options, log))
}

fn parser_on(
    train: &[TreebankSentence],
    tags: &[Vec<(Upos, Tag)>],
    options: &ParserOptions,
    mut log: impl FnMut(String),
) -> Parser {
    log(format!("parser: {} training sentences", train.len()));
    Parser::train(train, tags, options, |epoch, _| log(format!("parser: epoch {epoch} done")))
}

/// All four models, as [`tagger`], [`parser`], [`recognizer`] and [`lemmatizer`] make them,
/// with the jackknifed tags computed once for both the parser and the recogniser.
pub fn all(
    data: &Path,
    folds: usize,
    mut log: impl FnMut(String),
) -> Result<(Tagger, Parser, Recognizer, Lemmatizer), DataError> {
    let tagger_options = TaggerOptions::default();
    let tagger = tagger(data, &tagger_options, &mut log)?;
    let lemmas = lemmatizer(data)?;
    let train = ewt(data, Split::Train)?;
    let names = uner(data, Split::Train)?;
    let tags = jackknife_tags(&train, folds, &tagger_options, &mut log);
    let parser = parser_on(&train, &tags, &ParserOptions::default(), &mut log);
    let recognizer = recognizer_on(&names, &train, &tags, &RecognizerOptions::default(), &mut log);
    Ok((tagger, parser, recognizer, lemmas))
}

/// Train the recogniser on UNER train (early release), with UPOS tags jackknifed over EWT
/// train (UNER sentences are EWT sentences, matched by id).
pub fn recognizer(
    data: &Path,
    tagger_options: &TaggerOptions,
    options: &RecognizerOptions,
    folds: usize,
    mut log: impl FnMut(String),
) -> Result<Recognizer, DataError> {
    let names = uner(data, Split::Train)?;
    let train = ewt(data, Split::Train)?;
    let tags = jackknife_tags(&train, folds, tagger_options, &mut log);
    Ok(recognizer_on(&names, &train, &tags, options, log))
}

fn recognizer_on(
    names: &[TreebankSentence],
    train: &[TreebankSentence],
    tags: &[Vec<(Upos, Tag)>],
    options: &RecognizerOptions,
    mut log: impl FnMut(String),
) -> Recognizer {
    let by_id: HashMap<&str, usize> = train.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut unmatched = 0;
    let upos: Vec<Vec<Upos>> = names
        .iter()
        .map(|s| match by_id.get(s.id.as_str()).filter(|&&i| tags[i].len() == s.words.len()) {
            Some(&i) => tags[i].iter().map(|t| t.0).collect(),
            None => {
                unmatched += 1;
                vec![Upos::Unknown; s.words.len()]
            }
        })
        .collect();
    log(format!("recognizer: {} training sentences ({unmatched} without EWT tags)", names.len()));
    Recognizer::train(names, &upos, options, |epoch, _, acc| {
        log(format!("recognizer: epoch {epoch}: training accuracy {:.2}", 100.0 * acc))
    })
}

/// Learn the lemmatiser's exceptions from EWT train.
pub fn lemmatizer(data: &Path) -> Result<Lemmatizer, DataError> {
    Ok(Lemmatizer::train(&ewt(data, Split::Train)?))
}
