//! Development driver for the recogniser: trains it on UNER train with jackknifed UPOS tags
//! (cached in a file between runs, the format of `parser_dev`'s cache) and prints dev entity
//! span F1 (PER/ORG/LOC, as `newsgraph eval nlp` counts them) with the shipped tagger's tags
//! after every epoch. `cargo run --release -p newsgraph-nlp --example ner_dev -- DATA_DIR
//! EPOCHS TAG_CACHE [OUT]`. Tuning only: the shipped model is made by `newsgraph train`.

use newsgraph_model::{EntityKind, Tag, Upos};
use newsgraph_nlp::ner::{iob_spans, Recognizer, RecognizerOptions};
use newsgraph_nlp::tagger::{Tagger, TaggerOptions};
use newsgraph_nlp::train::{ewt, jackknife_tags, uner, Split};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;

type Tags = Vec<Vec<(Upos, Tag)>>;

fn read_cache(path: &PathBuf) -> Option<Tags> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    for line in text.lines() {
        let mut sentence = Vec::new();
        for pair in line.split_whitespace() {
            let (u, t) = pair.split_once(':')?;
            sentence.push((Upos::from_index(u.parse().ok()?), Tag::from_index(t.parse().ok()?)));
        }
        out.push(sentence);
    }
    Some(out)
}

fn write_cache(path: &PathBuf, tags: &Tags) -> std::io::Result<()> {
    let mut text = String::new();
    for s in tags {
        let words: Vec<String> = s.iter().map(|(u, t)| format!("{}:{}", u.index(), t.index())).collect();
        text.push_str(&words.join(" "));
        text.push('\n');
    }
    std::fs::write(path, text)
}

fn scored(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Org => Some("ORG"),
        EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => Some("LOC"),
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: ner_dev DATA_DIR EPOCHS TAG_CACHE [OUT]");
        return ExitCode::FAILURE;
    }
    let data = PathBuf::from(&args[0]);
    let epochs: usize = args[1].parse().unwrap_or(10);
    let cache = PathBuf::from(&args[2]);
    let (train, names, dev) =
        match (ewt(&data, Split::Train), uner(&data, Split::Train), uner(&data, Split::Dev)) {
            (Ok(t), Ok(n), Ok(d)) => (t, n, d),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                eprintln!("cannot read the data under {}: {e}", data.display());
                return ExitCode::FAILURE;
            }
        };
    let tags = match read_cache(&cache).filter(|t| t.len() == train.len()) {
        Some(t) => t,
        None => {
            let t = jackknife_tags(&train, 5, &TaggerOptions::default(), |m| eprintln!("{m}"));
            if let Err(e) = write_cache(&cache, &t) {
                eprintln!("{}: {e}", cache.display());
            }
            t
        }
    };
    let by_id: HashMap<&str, usize> = train.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let upos: Vec<Vec<Upos>> = names
        .iter()
        .map(|s| match by_id.get(s.id.as_str()).filter(|&&i| tags[i].len() == s.words.len()) {
            Some(&i) => tags[i].iter().map(|t| t.0).collect(),
            None => vec![Upos::Unknown; s.words.len()],
        })
        .collect();
    // NG_TAGGER=FILE tags dev with another tagger than the shipped one.
    let tagger = match std::env::var("NG_TAGGER") {
        Ok(path) => std::fs::read(&path).ok().and_then(|b| Tagger::from_bytes(&b).ok()),
        Err(_) => Tagger::load_default(),
    };
    let Some(tagger) = tagger else {
        eprintln!("tagger missing or damaged");
        return ExitCode::FAILURE;
    };
    let dev_upos: Vec<Vec<Upos>> =
        dev.iter().map(|s| tagger.predict(&s.forms()).into_iter().map(|t| t.0).collect()).collect();
    let options = RecognizerOptions { epochs, ..RecognizerOptions::default() };
    let model = Recognizer::train(&names, &upos, &options, |epoch, model, _| {
        let (mut gold_n, mut pred_n, mut right) = (0usize, 0usize, 0usize);
        let mut per_type: HashMap<&str, (usize, usize, usize)> = HashMap::new();
        for (s, u) in dev.iter().zip(&dev_upos) {
            let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
            let gold: HashSet<(usize, usize, String)> = iob_spans(&labels)
                .into_iter()
                .filter(|(_, _, l)| matches!(l.as_str(), "PER" | "ORG" | "LOC"))
                .collect();
            let pred: HashSet<(usize, usize, String)> = model
                .predict(&s.forms(), u)
                .into_iter()
                .filter_map(|n| scored(n.kind).map(|l| (n.start, n.end, l.to_string())))
                .collect();
            gold_n += gold.len();
            pred_n += pred.len();
            right += gold.intersection(&pred).count();
            for g in &gold {
                per_type.entry(label(&g.2)).or_default().0 += 1;
            }
            for p in &pred {
                let e = per_type.entry(label(&p.2)).or_default();
                e.1 += 1;
                e.2 += usize::from(gold.contains(p));
            }
        }
        let f = |g: usize, p: usize, r: usize| 2.0 * r as f64 / (g + p).max(1) as f64;
        let mut types: Vec<_> = per_type.into_iter().collect();
        types.sort();
        let detail: Vec<String> =
            types.iter().map(|(t, (g, p, r))| format!("{t} {:.3}", f(*g, *p, *r))).collect();
        println!("epoch {epoch}: dev entity F1 {:.4} ({})", f(gold_n, pred_n, right), detail.join(", "));
    });
    if let Some(out) = args.get(3).filter(|o| o.as_str() != "-") {
        if let Err(e) = std::fs::write(out, model.to_bytes()) {
            eprintln!("{out}: {e}");
        }
    }
    ExitCode::SUCCESS
}

fn label(l: &str) -> &'static str {
    match l {
        "PER" => "PER",
        "ORG" => "ORG",
        _ => "LOC",
    }
}
