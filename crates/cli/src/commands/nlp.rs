//! `newsgraph train tagger|parser|ner|lemmas` and `newsgraph eval nlp`: train the statistical
//! NLP models from the shared data, and measure them beside spaCy's small English model
//! (UPOS, UAS/LAS, sentence boundaries, entity F1 and speed).
//! Argument parsing and printing only; the work is in `newsgraph_nlp::{train, eval}`.

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use newsgraph_nlp::eval::{self, PeerCommand};
use newsgraph_nlp::ner::RecognizerOptions;
use newsgraph_nlp::parser::ParserOptions;
use newsgraph_nlp::tagger::TaggerOptions;
use newsgraph_nlp::train::{self, Split};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub model: TrainModel,
}

#[derive(Subcommand, Debug)]
pub enum TrainModel {
    /// Part-of-speech tagger (UPOS and Penn tags) from UD English EWT train
    Tagger(TrainCommon),
    /// Dependency parser from UD English EWT train, on jackknifed tags
    Parser(TrainCommon),
    /// Named-entity recogniser from UNER English EWT train (early release), on jackknifed tags
    Ner(TrainCommon),
    /// Lemmatiser exceptions from UD English EWT train
    Lemmas(TrainCommon),
    /// All four, sharing the jackknifed tags (--out is a directory here)
    All(TrainCommon),
}

#[derive(Args, Debug)]
pub struct TrainCommon {
    /// Directory holding ud-english-ewt/ and uner-english-ewt/.
    #[arg(long, default_value = "../shared/data", value_name = "DIR")]
    pub data: PathBuf,
    /// Where to write the model (default: crates/nlp/models/<model>.bin).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Passes over the training data (default: the shipped model's).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Folds for the jackknifed tags the parser and recogniser are trained on.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
}

#[derive(Args, Debug)]
pub struct EvalNlp {
    /// Directory holding ud-english-ewt/ and uner-english-ewt/.
    #[arg(long, default_value = "../shared/data", value_name = "DIR")]
    pub data: PathBuf,
    /// Split to score: dev for tuning, test for the final figure.
    #[arg(long, default_value = "dev", value_parser = ["dev", "test"])]
    pub split: String,
    /// Run spaCy beside ours: yes or no (default: yes when eval/peers/setup.sh works).
    #[arg(long, value_name = "yes|no")]
    pub peer: Option<String>,
}

fn progress(message: String) {
    eprintln!("{message}");
}

fn write_model(out: Option<PathBuf>, name: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
    let path = out.unwrap_or_else(|| PathBuf::from(format!("crates/nlp/models/{name}.bin")));
    std::fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    match args.model {
        TrainModel::Tagger(c) => {
            let mut options = TaggerOptions::default();
            options.epochs = c.epochs.unwrap_or(options.epochs);
            let tagger = train::tagger(&c.data, &options, progress)?;
            write_model(c.out, "tagger", tagger.to_bytes())?;
        }
        TrainModel::Parser(c) => {
            let mut options = ParserOptions::default();
            options.epochs = c.epochs.unwrap_or(options.epochs);
            let parser = train::parser(&c.data, &TaggerOptions::default(), &options, c.folds, progress)?;
            write_model(c.out, "parser", parser.to_bytes())?;
        }
        TrainModel::Ner(c) => {
            let mut options = RecognizerOptions::default();
            options.epochs = c.epochs.unwrap_or(options.epochs);
            let ner = train::recognizer(&c.data, &TaggerOptions::default(), &options, c.folds, progress)?;
            write_model(c.out, "ner", ner.to_bytes())?;
        }
        TrainModel::Lemmas(c) => {
            let lemmatizer = train::lemmatizer(&c.data)?;
            write_model(c.out, "lemmas", lemmatizer.to_bytes())?;
        }
        TrainModel::All(c) => {
            let (tagger, parser, ner, lemmas) = train::all(&c.data, c.folds, progress)?;
            let dir = c.out.unwrap_or_else(|| PathBuf::from("crates/nlp/models"));
            for (name, bytes) in [
                ("tagger", tagger.to_bytes()),
                ("parser", parser.to_bytes()),
                ("ner", ner.to_bytes()),
                ("lemmas", lemmas.to_bytes()),
            ] {
                write_model(Some(dir.join(format!("{name}.bin"))), name, bytes)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The peer Python from `eval/peers/setup.sh`, if it can be had.
fn find_peer() -> Result<PeerCommand, String> {
    let setup = Path::new("eval/peers/setup.sh");
    let script = Path::new("eval/peers/spacy_nlp.py");
    if !setup.exists() || !script.exists() {
        return Err("eval/peers/setup.sh not found (run from the repository root)".into());
    }
    let out = std::process::Command::new("bash")
        .arg(setup)
        .output()
        .map_err(|e| format!("cannot run setup.sh: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "setup.sh failed: {}",
            String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
        ));
    }
    let python = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or("").trim().to_string();
    if python.is_empty() {
        return Err("setup.sh printed no python path".into());
    }
    Ok(PeerCommand { python: PathBuf::from(python), script: script.to_path_buf() })
}

/// `newsgraph eval nlp` (registered as a variant of the shared `eval` command).
pub fn eval_nlp(a: EvalNlp) -> anyhow::Result<ExitCode> {
    let split = if a.split == "test" { Split::Test } else { Split::Dev };
    let want_peer = match a.peer.as_deref() {
        None | Some("yes") => true,
        Some("no") => false,
        Some(other) => bail!("--peer takes yes or no, not `{other}`"),
    };
    let (peer, note) = if want_peer {
        match find_peer() {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(e)),
        }
    } else {
        (None, None)
    };
    let mut report = eval::run(&a.data, split, peer.as_ref(), progress)?;
    if report.peer_note.is_none() {
        report.peer_note = note;
    }
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
