//! Development driver for the tagger: trains it on EWT train and prints dev UPOS and Penn
//! accuracy after every epoch of the Penn model (the UPOS model is then trained to the end:
//! run it with a different EPOCHS to compare UPOS models). `cargo run --release -p newsgraph-nlp --example tagger_dev -- DATA_DIR EPOCHS [OUT]
//! [--wordnet LEXICON] [--seed N]`; with OUT the trained tagger is written there; with `--wordnet` the
//! tagger falls back on that WordNet lexicon (`crates/nlp/models/wordnet.bin`) for words
//! missing from its own. Tuning only: the shipped model is made by
//! `newsgraph train`.

use newsgraph_nlp::tagger::{Tagger, TaggerOptions};
use newsgraph_nlp::train::{ewt, Split};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut wordnet = None;
    let mut seed = None;
    if let Some(at) = args.iter().position(|a| a == "--seed") {
        seed = args.get(at + 1).and_then(|s| s.parse::<u64>().ok());
        args.drain(at..(at + 2).min(args.len()));
    }
    if let Some(at) = args.iter().position(|a| a == "--wordnet") {
        let Some(path) = args.get(at + 1).cloned() else {
            eprintln!("--wordnet needs a file");
            return ExitCode::FAILURE;
        };
        args.drain(at..at + 2);
        match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| newsgraph_nlp::wordnet::Lexicon::from_bytes(&b).map_err(|e| e.to_string()))
        {
            Ok(l) => wordnet = Some(std::sync::Arc::new(l)),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if args.len() < 2 {
        eprintln!("usage: tagger_dev DATA_DIR EPOCHS [OUT]");
        return ExitCode::FAILURE;
    }
    let data = PathBuf::from(&args[0]);
    let (train, dev) = match (ewt(&data, Split::Train), ewt(&data, Split::Dev)) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot read EWT under {}: {e}", data.display());
            return ExitCode::FAILURE;
        }
    };
    let mut options = TaggerOptions::default();
    options.epochs = args[1].parse().unwrap_or(options.epochs);
    options.wordnet = wordnet;
    options.seed = seed.unwrap_or(options.seed);
    let forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
    let tagger = Tagger::train(&train, &options, |model, epoch, tagger, _| {
        if model == 1 {
            return; // the tagger shown has no Penn model yet, and its tags come from that
        }
        let (mut words, mut upos, mut penn) = (0usize, 0usize, 0usize);
        for (s, f) in dev.iter().zip(&forms) {
            for (w, t) in s.words.iter().zip(tagger.predict(f)) {
                words += 1;
                upos += usize::from(w.upos == t.0);
                penn += usize::from(w.xpos == t.1);
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
        println!("Penn model epoch {epoch}: dev UPOS {:.2} Penn {:.2}", pct(upos), pct(penn));
    });
    if let Some(out) = args.get(2) {
        if let Err(e) = std::fs::write(out, tagger.to_bytes()) {
            eprintln!("cannot write {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
