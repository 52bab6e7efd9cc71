//! Development driver for the parser: trains it on EWT train with jackknifed tags (cached in
//! a file between runs) and prints dev UAS/LAS, with the shipped tagger's tags, after every
//! epoch. `cargo run --release -p newsgraph-nlp --example parser_dev -- DATA_DIR EPOCHS
//! TAG_CACHE [OUT [EXPLORE_RATE]]`; with OUT (`-` for none) the last epoch's model is written
//! there; EXPLORE_RATE overrides the share of states where training follows its own choice.
//! `--wordnet LEXICON` trains the jackknife taggers with that WordNet lexicon (use a cache file
//! of its own), and `--tagger FILE` tags dev with that tagger instead of the shipped one (given
//! the lexicon when it needs it); `--seed N` changes the order of the training sentences and
//! the states explored (the shipped parser's seed is 11). Tuning only: the shipped model is made by `newsgraph train`.

use newsgraph_nlp::parser::{Parser, ParserOptions};
use newsgraph_nlp::tagger::TaggerOptions;
use newsgraph_nlp::train::{ewt, jackknife_tags, Split};
use newsgraph_nlp::wordnet::Lexicon;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

mod common;

use common::{load_tagger, read_cache, take_option, write_cache, Tags};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let wordnet = match take_option(&mut args, "--wordnet").map(|p| {
        std::fs::read(&p)
            .map_err(|e| e.to_string())
            .and_then(|b| Lexicon::from_bytes(&b).map_err(|e| e.to_string()))
            .map_err(|e| format!("cannot read {p}: {e}"))
    }) {
        None => None,
        Some(Ok(l)) => Some(Arc::new(l)),
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let tagger_path = take_option(&mut args, "--tagger");
    let seed = take_option(&mut args, "--seed").and_then(|s| s.parse::<u64>().ok());
    if args.len() < 3 {
        eprintln!("usage: parser_dev DATA_DIR EPOCHS TAG_CACHE [OUT]");
        return ExitCode::FAILURE;
    }
    let data = PathBuf::from(&args[0]);
    let epochs: usize = args[1].parse().unwrap_or(10);
    let cache = PathBuf::from(&args[2]);
    let (train, dev) = match (ewt(&data, Split::Train), ewt(&data, Split::Dev)) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot read EWT under {}: {e}", data.display());
            return ExitCode::FAILURE;
        }
    };
    let tags = match read_cache(&cache).filter(|t| t.len() == train.len()) {
        Some(t) => t,
        None => {
            let options = TaggerOptions { wordnet: wordnet.clone(), ..TaggerOptions::default() };
            let t = jackknife_tags(&train, 5, &options, |m| eprintln!("{m}"));
            if let Err(e) = write_cache(&cache, &t) {
                eprintln!("cannot write {}: {e}", cache.display());
            }
            t
        }
    };
    let tagger = match load_tagger(tagger_path.as_deref(), wordnet.as_ref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let dev_forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
    let dev_tags: Tags = dev_forms.iter().map(|f| tagger.predict(f)).collect();
    let mut options = ParserOptions { epochs, ..ParserOptions::default() };
    options.seed = seed.unwrap_or(options.seed);
    if let Some(rate) = args.get(4).and_then(|r| r.parse().ok()) {
        options.explore_rate = rate;
    }
    let parser = Parser::train(&train, &tags, &options, |epoch, parser| {
        let (mut words, mut uas, mut las) = (0usize, 0usize, 0usize);
        let start = std::time::Instant::now();
        for ((s, f), t) in dev.iter().zip(&dev_forms).zip(&dev_tags) {
            for (w, (head, rel)) in s.words.iter().zip(parser.predict(f, t)) {
                words += 1;
                if w.head.checked_sub(1) == head {
                    uas += 1;
                    las += usize::from(w.rel == rel);
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let (features, weights) = parser.size();
        println!(
            "epoch {epoch}: dev UAS {:.2} LAS {:.2}  {features} features {weights} weights  {:.0} words/s (wall)",
            100.0 * uas as f64 / words.max(1) as f64,
            100.0 * las as f64 / words.max(1) as f64,
            words as f64 / secs.max(1e-9)
        );
    });
    if let Some(out) = args.get(3).filter(|o| *o != "-") {
        if let Err(e) = std::fs::write(out, parser.to_bytes()) {
            eprintln!("cannot write {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
