//! Development driver: trains a model on EWT train and prints dev scores per epoch.
//! Usage: cargo run --release -p newsgraph-nlp --example dev -- tagger [epochs]
#![allow(clippy::unwrap_used)]
use newsgraph_nlp::conllu::read_conllu;
use newsgraph_nlp::tagger::{Tagger, TaggerOptions};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = "/work/shared/data/ud-english-ewt";
    let train =
        read_conllu(&std::fs::read_to_string(format!("{data}/en_ewt-ud-train.conllu")).unwrap()).unwrap();
    let dev = read_conllu(&std::fs::read_to_string(format!("{data}/en_ewt-ud-dev.conllu")).unwrap()).unwrap();
    match args.get(1).map(String::as_str) {
        Some("tagger") => {
            let mut options = TaggerOptions::default();
            for a in &args[2..] {
                let (k, v) = a.split_once('=').unwrap();
                match k {
                    "epochs" => options.epochs = v.parse().unwrap(),
                    "jackknife" => options.jackknife = v.parse().unwrap(),
                    "lexmin" => options.lexicon_min_count = v.parse().unwrap(),
                    "share" => options.ambiguity_min_share = v.parse().unwrap(),
                    "minw" => options.min_weight = v.parse().unwrap(),
                    _ => panic!("unknown option {k}"),
                }
            }
            let t0 = Instant::now();
            let tagger = Tagger::train(&train, &options, |pass, epoch, tagger, train_acc| {
                let (mut u, mut x, mut n) = (0, 0, 0);
                for s in &dev {
                    let forms = s.forms();
                    for (w, (up, xp)) in s.words.iter().zip(tagger.predict(&forms)) {
                        u += usize::from(w.upos == up);
                        x += usize::from(w.xpos == xp);
                        n += 1;
                    }
                }
                let (f, ws) = tagger.size();
                println!(
                    "pass {pass} epoch {epoch} train {:.2} dev UPOS {:.2} XPOS {:.2} features {f} weights {ws} bytes {} ({:.0}s)",
                    100.0 * train_acc,
                    100.0 * u as f64 / n as f64,
                    100.0 * x as f64 / n as f64,
                    tagger.to_bytes().len(),
                    t0.elapsed().as_secs_f64()
                );
            });
            std::fs::write("/tmp/nlp-tagger.bin", tagger.to_bytes()).unwrap();
            let mut confusions = std::collections::HashMap::new();
            for s in &dev {
                let forms = s.forms();
                for (w, (up, _)) in s.words.iter().zip(tagger.predict(&forms)) {
                    if w.upos != up {
                        *confusions.entry((w.upos, up)).or_insert(0) += 1;
                    }
                }
            }
            let mut c: Vec<_> = confusions.into_iter().collect();
            c.sort_by_key(|x| -x.1);
            let mut shown = 0;
            for s in &dev {
                let forms = s.forms();
                let pred = tagger.predict(&forms);
                for (i, (w, (up, _))) in s.words.iter().zip(&pred).enumerate() {
                    if w.upos == newsgraph_model::Upos::Propn
                        && *up == newsgraph_model::Upos::Noun
                        && shown < 40
                    {
                        shown += 1;
                        let lo = i.saturating_sub(4);
                        let hi = (i + 4).min(forms.len());
                        println!(
                            "  {} [[{}]] {}",
                            forms[lo..i].join(" "),
                            forms[i],
                            forms[i + 1..hi].join(" ")
                        );
                    }
                }
            }
            for ((g, p), n) in c.iter().take(20) {
                println!("gold {g} pred {p}: {n}");
            }
        }
        _ => eprintln!("usage: dev tagger|parser|ner"),
    }
}
