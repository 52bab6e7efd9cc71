//! Development timing of each shipped model on its own: tagger, parser and recogniser over
//! the EWT dev words (gold words, predicted tags), then the three in batches of 32 sentences
//! as `newsgraph eval nlp` times them; best of several rounds in thread CPU time.
//! `cargo run --release -p newsgraph-nlp --example speed [DATA_DIR] [ROUNDS]`. It scores
//! nothing; `newsgraph eval nlp` is the measurement of record.

use newsgraph_model::Upos;
use newsgraph_nlp::ner::Recognizer;
use newsgraph_nlp::parser::Parser;
use newsgraph_nlp::tagger::{TagScratch, Tagger};
use newsgraph_nlp::train::{ewt, Split};
use std::path::PathBuf;
use std::process::ExitCode;

/// Thread CPU seconds (`/proc/thread-self/schedstat`), or `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(args.next().unwrap_or_else(|| "../shared/data".into()));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(7);
    let (Some(tagger), Some(parser), Some(recognizer)) =
        (Tagger::load_default(), Parser::load_default(), Recognizer::load_default())
    else {
        eprintln!("a shipped model file is damaged");
        return ExitCode::FAILURE;
    };
    let treebank = match ewt(&data, Split::Dev) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read EWT dev under {}: {e}", data.display());
            return ExitCode::FAILURE;
        }
    };
    let forms: Vec<Vec<&str>> = treebank.iter().map(|s| s.forms()).collect();
    let n_words: usize = forms.iter().map(Vec::len).sum();
    let tags: Vec<_> = forms.iter().map(|f| tagger.predict(f)).collect();
    let upos: Vec<Vec<Upos>> = tags.iter().map(|t| t.iter().map(|t| t.0).collect()).collect();
    let mut best = [f64::MAX; 3];
    let mut batched = f64::MAX;
    let mut found = 0usize;
    let mut scratch = TagScratch::default();
    let mut classes = Vec::new();
    for _ in 0..rounds {
        let Some(t0) = cpu_seconds() else {
            eprintln!("no thread CPU clock on this system");
            return ExitCode::FAILURE;
        };
        for f in &forms {
            tagger.predict_classes(f, &mut scratch, &mut classes);
            found += classes.len();
        }
        let t1 = cpu_seconds().unwrap_or(t0);
        for (f, t) in forms.iter().zip(&tags) {
            found += parser.predict(f, t).len();
        }
        let t2 = cpu_seconds().unwrap_or(t1);
        for (f, u) in forms.iter().zip(&upos) {
            found += recognizer.predict(f, u).len();
        }
        let t3 = cpu_seconds().unwrap_or(t2);
        for (b, t) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2]) {
            *b = b.min(t);
        }
        // As `newsgraph eval nlp` times them: each model over 32 sentences before the next.
        found += newsgraph_nlp::eval::tag_parse_name(
            &tagger,
            &parser,
            &recognizer,
            &forms,
            &mut scratch,
            &mut classes,
        );
        let t4 = cpu_seconds().unwrap_or(t3);
        batched = batched.min(t4 - t3);
    }
    let rate = |s: f64| n_words as f64 / s.max(1e-9);
    let total: f64 = best.iter().sum();
    println!(
        "{n_words} words, best of {rounds}: tagger {:.0}  parser {:.0}  recogniser {:.0}  all {:.0}  batched {:.0} words/s ({found} outputs)",
        rate(best[0]),
        rate(best[1]),
        rate(best[2]),
        rate(total),
        rate(batched)
    );
    ExitCode::SUCCESS
}
