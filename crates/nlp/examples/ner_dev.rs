//! Development driver for the recogniser: trains it on UNER train with jackknifed EWT tags
//! (cached in a file between runs, the same format as `parser_dev`'s) and prints dev entity
//! F1 (PER/ORG/LOC, as `newsgraph eval nlp` scores it) after every epoch, with the tags of the
//! shipped tagger or of `--tagger FILE`. `cargo run --release -p newsgraph-nlp --example ner_dev
//! -- DATA_DIR EPOCHS TAG_CACHE [--wordnet LEXICON] [--tagger FILE] [--plain]`; with `--wordnet`
//! the recogniser gets WordNet features (unless `--plain`) and a tagger that needs the lexicon
//! gets it. A missing cache is filled by taggers without WordNet (`parser_dev --wordnet` writes
//! one with). `--silver FILE` adds the sentences of an IOB2 file to the training data (tagged
//! by the same tagger as dev; `--silver-max N` takes the first N), such as spaCy's names on
//! news text from `eval/peers/spacy_teacher_names.py`. Tuning only: the shipped model is made
//! by `newsgraph train`.

use newsgraph_model::Upos;
use newsgraph_nlp::eval::{scored_label, Prf};
use newsgraph_nlp::ner::{iob_spans, Recognizer, RecognizerOptions};
use newsgraph_nlp::tagger::TaggerOptions;
use newsgraph_nlp::train::{ewt, jackknife_tags, uner, Split};
use newsgraph_nlp::wordnet::Lexicon;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

mod common;

use common::{load_tagger, read_cache, take_option, write_cache};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let plain = args.iter().position(|a| a == "--plain").map(|at| args.remove(at)).is_some();
    let wordnet_path = take_option(&mut args, "--wordnet");
    let tagger_path = take_option(&mut args, "--tagger");
    let silver_path = take_option(&mut args, "--silver");
    let silver_max: usize =
        take_option(&mut args, "--silver-max").and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    if args.len() < 3 {
        eprintln!(
            "usage: ner_dev DATA_DIR EPOCHS TAG_CACHE [--wordnet LEXICON] [--tagger FILE] [--plain] [--silver FILE [--silver-max N]]"
        );
        return ExitCode::FAILURE;
    }
    let data = PathBuf::from(&args[0]);
    let epochs: usize = args[1].parse().unwrap_or(10);
    let cache = PathBuf::from(&args[2]);
    let lexicon = match wordnet_path.as_deref().map(|p| {
        std::fs::read(p)
            .map_err(|e| e.to_string())
            .and_then(|b| Lexicon::from_bytes(&b).map_err(|e| e.to_string()))
    }) {
        None => None,
        Some(Ok(l)) => Some(Arc::new(l)),
        Some(Err(e)) => {
            eprintln!("cannot read the WordNet lexicon: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (train, names, dev) =
        match (ewt(&data, Split::Train), uner(&data, Split::Train), uner(&data, Split::Dev)) {
            (Ok(t), Ok(n), Ok(d)) => (t, n, d),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                eprintln!("cannot read EWT/UNER under {}: {e}", data.display());
                return ExitCode::FAILURE;
            }
        };
    let tags = match read_cache(&cache).filter(|t| t.len() == train.len()) {
        Some(t) => t,
        None => {
            let t = jackknife_tags(&train, 5, &TaggerOptions::default(), |m| eprintln!("{m}"));
            if let Err(e) = write_cache(&cache, &t) {
                eprintln!("cannot write {}: {e}", cache.display());
            }
            t
        }
    };
    let tagger = match load_tagger(tagger_path.as_deref(), lexicon.as_ref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let by_id: HashMap<&str, usize> = train.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut names = names;
    let mut upos: Vec<Vec<Upos>> = names
        .iter()
        .map(|s| match by_id.get(s.id.as_str()).filter(|&&i| tags[i].len() == s.words.len()) {
            Some(&i) => tags[i].iter().map(|t| t.0).collect(),
            None => vec![Upos::Unknown; s.words.len()],
        })
        .collect();
    if let Some(p) = &silver_path {
        let silver = match std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|text| newsgraph_nlp::conllu::read_iob2(&text).map_err(|e| e.to_string()))
        {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot read {p}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for s in silver.into_iter().take(silver_max) {
            let f = s.forms();
            upos.push(tagger.predict(&f).into_iter().map(|t| t.0).collect());
            names.push(s);
        }
        eprintln!("{} training sentences with silver", names.len());
    }
    let dev_forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
    let dev_tags: Vec<Vec<Upos>> =
        dev_forms.iter().map(|f| tagger.predict(f).into_iter().map(|t| t.0).collect()).collect();
    let wordnet = if plain { None } else { lexicon };
    let options = RecognizerOptions { epochs, wordnet, ..RecognizerOptions::default() };
    Recognizer::train(&names, &upos, &options, |epoch, recognizer, _| {
        let mut all = Prf::default();
        let mut by_type: HashMap<&str, Prf> = HashMap::new();
        for ((s, f), t) in dev.iter().zip(&dev_forms).zip(&dev_tags) {
            let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
            let gold = iob_spans(&labels);
            let predicted: Vec<(usize, usize, String)> = recognizer
                .predict(f, t)
                .into_iter()
                .filter_map(|n| scored_label(n.kind).map(|l| (n.start, n.end, l.to_string())))
                .collect();
            for label in [None, Some("PER"), Some("ORG"), Some("LOC")] {
                let keep = |x: &&(usize, usize, String)| label.is_none_or(|l| x.2 == l);
                let g: Vec<_> = gold.iter().filter(keep).collect();
                let p: Vec<_> = predicted.iter().filter(keep).collect();
                let prf = match label {
                    None => &mut all,
                    Some(l) => by_type.entry(l).or_default(),
                };
                prf.gold += g.len();
                prf.predicted += p.len();
                prf.correct += p.iter().filter(|x| g.contains(x)).count();
            }
        }
        let f1 = |l: &str| by_type.get(l).map_or(0.0, |p| p.f1());
        println!(
            "epoch {epoch}: dev entity F1 {:.3} (PER {:.3} ORG {:.3} LOC {:.3})",
            all.f1(),
            f1("PER"),
            f1("ORG"),
            f1("LOC")
        );
    });
    ExitCode::SUCCESS
}
