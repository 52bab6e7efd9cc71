//! Development driver: trains a model on EWT train and prints dev scores per epoch.
//! Usage: cargo run --release -p newsgraph-nlp --example dev -- tagger [epochs]
#![allow(clippy::unwrap_used)]
use newsgraph_nlp::conllu::{read_conllu, read_iob2};
use newsgraph_nlp::ner::{iob_spans, Recognizer, RecognizerOptions};
use newsgraph_nlp::parser::{Parser, ParserOptions};
use newsgraph_nlp::tagger::{Tagger, TaggerOptions};
use std::time::Instant;

fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse::<f64>().ok()))
        .map_or(0.0, |ns| ns / 1e9)
}

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
        Some("parser") => {
            let mut options = ParserOptions::default();
            for a in &args[2..] {
                let (k, v) = a.split_once('=').unwrap();
                match k {
                    "epochs" => options.epochs = v.parse().unwrap(),
                    "explore_from" => options.explore_from = v.parse().unwrap(),
                    "explore_rate" => options.explore_rate = v.parse().unwrap(),
                    "minw" => options.min_weight = v.parse().unwrap(),
                    _ => panic!("unknown option {k}"),
                }
            }
            let tagger = std::fs::read("/tmp/nlp-tagger.bin").ok().and_then(|b| Tagger::from_bytes(&b).ok());
            let dev_tags: Vec<Vec<_>> = dev
                .iter()
                .map(|s| match &tagger {
                    Some(t) => t.predict(&s.forms()),
                    None => s.words.iter().map(|w| (w.upos, w.xpos)).collect(),
                })
                .collect();
            let train_tags: Vec<Vec<_>> = match std::fs::read_to_string("/tmp/nlp-train-tags.txt") {
                Ok(text) => text
                    .lines()
                    .map(|l| {
                        l.split(' ')
                            .filter(|x| !x.is_empty())
                            .map(|x| {
                                let (u, t) = x.split_once('|').unwrap();
                                (newsgraph_model::Upos::parse(u), newsgraph_model::Tag::parse(t))
                            })
                            .collect()
                    })
                    .collect(),
                Err(_) => train.iter().map(|s| s.words.iter().map(|w| (w.upos, w.xpos)).collect()).collect(),
            };
            let t0 = Instant::now();
            Parser::train(&train, &train_tags, &options, |epoch, parser| {
                let (mut u, mut l, mut n) = (0, 0, 0);
                let t1 = Instant::now();
                for (s, tags) in dev.iter().zip(&dev_tags) {
                    let forms = s.forms();
                    for (w, (h, rel)) in s.words.iter().zip(parser.predict(&forms, tags)) {
                        let gh = if w.head == 0 { None } else { Some(w.head - 1) };
                        if gh == h {
                            u += 1;
                            l += usize::from(w.rel == rel);
                        }
                        n += 1;
                    }
                }
                let (f, ws) = parser.size();
                println!(
                    "epoch {epoch} dev UAS {:.2} LAS {:.2} features {f} weights {ws} ({:.0}s, dev parse {:.0} w/s)",
                    100.0 * u as f64 / n as f64,
                    100.0 * l as f64 / n as f64,
                    t0.elapsed().as_secs_f64(),
                    n as f64 / t1.elapsed().as_secs_f64()
                );
                std::fs::write("/tmp/nlp-parser.bin", parser.to_bytes()).unwrap();
            });
        }
        Some("jacktags") => {
            // Tags of each training sentence from a tagger trained on the other folds.
            let folds = 5;
            let mut tags: Vec<Vec<(newsgraph_model::Upos, newsgraph_model::Tag)>> =
                vec![Vec::new(); train.len()];
            for k in 0..folds {
                let members: Vec<_> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != k)
                    .map(|(_, s)| s.clone())
                    .collect();
                let tagger = Tagger::train(&members, &TaggerOptions::default(), |_, _, _, _| {});
                for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == k) {
                    tags[i] = tagger.predict(&s.forms());
                }
                eprintln!("fold {k} done");
            }
            let mut out = String::new();
            for t in &tags {
                for (u, x) in t {
                    out.push_str(&format!("{u}|{x} "));
                }
                out.push('\n');
            }
            std::fs::write("/tmp/nlp-train-tags.txt", out).unwrap();
        }
        Some("prune-parser") => {
            let p: i16 = args[2].parse().unwrap();
            let parser =
                Parser::from_bytes(&std::fs::read("/tmp/nlp-parser.bin").unwrap()).unwrap().pruned(p);
            std::fs::write("/work/main/crates/nlp/models/parser.bin", parser.to_bytes()).unwrap();
        }
        Some("eval") => {
            let peer = newsgraph_nlp::eval::PeerCommand {
                python: "/work/main/.venv-peers/bin/python".into(),
                script: "/work/main/eval/peers/spacy_nlp.py".into(),
            };
            let split = if args.get(2).map(String::as_str) == Some("test") {
                newsgraph_nlp::train::Split::Test
            } else {
                newsgraph_nlp::train::Split::Dev
            };
            let report = newsgraph_nlp::eval::run(
                std::path::Path::new("/work/shared/data"),
                split,
                Some(&peer),
                |m| eprintln!("{m}"),
            )
            .unwrap();
            print!("{report}");
        }
        Some("bench") => {
            let prune: i16 = args.get(2).map_or(0, |p| p.parse().unwrap());
            let tagger =
                Tagger::from_bytes(&std::fs::read("/tmp/nlp-tagger.bin").unwrap()).unwrap().pruned(prune);
            let parser =
                Parser::from_bytes(&std::fs::read("/tmp/nlp-parser.bin").unwrap()).unwrap().pruned(prune);
            println!(
                "tagger {:?} {} bytes, parser {:?} {} bytes",
                tagger.size(),
                tagger.to_bytes().len(),
                parser.size(),
                parser.to_bytes().len()
            );
            let forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
            let n: usize = forms.iter().map(|f| f.len()).sum();
            let t0 = cpu();
            let mut tags = Vec::new();
            for _ in 0..3 {
                tags = forms.iter().map(|f| tagger.predict(f)).collect::<Vec<_>>();
            }
            let tt = (cpu() - t0) / 3.0;
            let t0 = cpu();
            let mut heads = 0;
            for _ in 0..3 {
                for (f, t) in forms.iter().zip(&tags) {
                    heads += parser.predict(f, t).len();
                }
            }
            let tp = (cpu() - t0) / 3.0;
            println!("{n} words: tagger {:.0} w/s, parser {:.0} w/s ({heads})", n as f64 / tt, n as f64 / tp);
            let (mut up, mut ua, mut la) = (0, 0, 0);
            for ((s, f), t) in dev.iter().zip(&forms).zip(&tags) {
                let arcs = parser.predict(f, t);
                for ((w, tag), (h, rel)) in s.words.iter().zip(t).zip(arcs) {
                    up += usize::from(w.upos == tag.0);
                    let gh = if w.head == 0 { None } else { Some(w.head - 1) };
                    if gh == h {
                        ua += 1;
                        la += usize::from(w.rel == rel);
                    }
                }
            }
            println!(
                "UPOS {:.2} UAS {:.2} LAS {:.2}",
                100.0 * up as f64 / n as f64,
                100.0 * ua as f64 / n as f64,
                100.0 * la as f64 / n as f64
            );
        }
        Some("ner") => {
            let uner = "/work/shared/data/uner-english-ewt";
            let ntrain =
                read_iob2(&std::fs::read_to_string(format!("{uner}/en_ewt-ud-train.early.iob2")).unwrap())
                    .unwrap();
            let ndev =
                read_iob2(&std::fs::read_to_string(format!("{uner}/en_ewt-ud-dev.iob2")).unwrap()).unwrap();
            let mut options = RecognizerOptions::default();
            for a in &args[2..] {
                let (k, v) = a.split_once('=').unwrap();
                match k {
                    "epochs" => options.epochs = v.parse().unwrap(),
                    _ => panic!("unknown option {k}"),
                }
            }
            let by_id = |tb: &[newsgraph_nlp::conllu::TreebankSentence]| -> std::collections::HashMap<String, Vec<newsgraph_model::Upos>> {
                tb.iter().map(|s| (s.id.clone(), s.words.iter().map(|w| w.upos).collect())).collect()
            };
            let mut train_ids = by_id(&train);
            if let Ok(text) = std::fs::read_to_string("/tmp/nlp-train-tags.txt") {
                for (s, line) in train.iter().zip(text.lines()) {
                    let tags: Vec<newsgraph_model::Upos> = line
                        .split(' ')
                        .filter(|x| !x.is_empty())
                        .map(|x| newsgraph_model::Upos::parse(x.split_once('|').unwrap().0))
                        .collect();
                    train_ids.insert(s.id.clone(), tags);
                }
                println!("using jackknifed train tags");
            }
            let dev_ids = by_id(&dev);
            let tagger = std::fs::read("/tmp/nlp-tagger.bin").ok().and_then(|b| Tagger::from_bytes(&b).ok());
            let mut mismatched = 0;
            let train_tags: Vec<Vec<newsgraph_model::Upos>> = ntrain
                .iter()
                .map(|s| match train_ids.get(&s.id).filter(|t| t.len() == s.words.len()) {
                    Some(t) => t.clone(),
                    None => {
                        mismatched += 1;
                        vec![newsgraph_model::Upos::Unknown; s.words.len()]
                    }
                })
                .collect();
            let dev_tags: Vec<Vec<newsgraph_model::Upos>> = ndev
                .iter()
                .map(|s| match &tagger {
                    Some(t) => t.predict(&s.forms()).into_iter().map(|p| p.0).collect(),
                    None => dev_ids.get(&s.id).cloned().unwrap_or_default(),
                })
                .collect();
            println!(
                "train sentences {} (mismatched {mismatched}), dev {}, tagger {}",
                ntrain.len(),
                ndev.len(),
                tagger.is_some()
            );
            let t0 = Instant::now();
            Recognizer::train(&ntrain, &train_tags, &options, |epoch, r, acc| {
                let (mut tp, mut np, mut ng) = (0, 0, 0);
                let mut per_type: std::collections::BTreeMap<String, (usize, usize, usize)> =
                    Default::default();
                let mut errors = Vec::new();
                for (s, tags) in ndev.iter().zip(&dev_tags) {
                    let forms = s.forms();
                    let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
                    let gold: Vec<(usize, usize, String)> = iob_spans(&labels);
                    let pred: Vec<(usize, usize, String)> = r
                        .predict(&forms, tags)
                        .into_iter()
                        .filter_map(|n| {
                            use newsgraph_model::EntityKind as K;
                            let l = match n.kind {
                                K::Person => "PER",
                                K::Org => "ORG",
                                K::Gpe | K::Loc | K::Fac => "LOC",
                                _ => return None,
                            };
                            Some((n.start, n.end, l.to_string()))
                        })
                        .collect();
                    ng += gold.len();
                    np += pred.len();
                    tp += pred.iter().filter(|p| gold.contains(p)).count();
                    for g in &gold {
                        per_type.entry(g.2.clone()).or_default().1 += 1;
                        if !pred.contains(g) {
                            errors.push(format!(
                                "MISSED {} {:?} in: {}",
                                g.2,
                                &forms[g.0..g.1],
                                forms.join(" ")
                            ));
                        }
                    }
                    for p in &pred {
                        let e = per_type.entry(p.2.clone()).or_default();
                        e.2 += 1;
                        if gold.contains(p) {
                            e.0 += 1;
                        } else {
                            errors.push(format!(
                                "WRONG {} {:?} in: {}",
                                p.2,
                                &forms[p.0..p.1],
                                forms.join(" ")
                            ));
                        }
                    }
                }
                if epoch == 6 {
                    for (t, (tp, ng, np)) in &per_type {
                        let p = *tp as f64 / (*np).max(1) as f64;
                        let r = *tp as f64 / (*ng).max(1) as f64;
                        println!(
                            "  {t}: P {p:.3} R {r:.3} F1 {:.3} (gold {ng})",
                            2.0 * p * r / (p + r).max(1e-9)
                        );
                    }
                    std::fs::write("/tmp/ner-errors.txt", errors.join("\n")).unwrap();
                }
                let p = tp as f64 / np.max(1) as f64;
                let rc = tp as f64 / ng.max(1) as f64;
                println!(
                    "epoch {epoch} train acc {:.2} dev P {:.3} R {:.3} F1 {:.3} ({:?}, {:.0}s)",
                    100.0 * acc,
                    p,
                    rc,
                    2.0 * p * rc / (p + rc).max(1e-9),
                    r.size(),
                    t0.elapsed().as_secs_f64()
                );
                std::fs::write("/tmp/nlp-ner.bin", r.to_bytes()).unwrap();
                std::fs::write("/work/main/crates/nlp/models/ner.bin", r.to_bytes()).unwrap();
            });
        }
        Some("pipe") => {
            let tagger = Tagger::load_default().unwrap();
            let parser = Parser::load_default().unwrap();
            let ner = Recognizer::load_default().unwrap();
            let forms: Vec<Vec<&str>> = dev.iter().map(|s| s.forms()).collect();
            let n: usize = forms.iter().map(|f| f.len()).sum();
            let mut found = 0;
            let t0 = cpu();
            for _ in 0..5 {
                for batch in forms.chunks(32) {
                    let tags: Vec<Vec<_>> = batch.iter().map(|f| tagger.predict(f)).collect();
                    for (f, t) in batch.iter().zip(&tags) {
                        found += parser.predict(f, t).len();
                    }
                    for (f, t) in batch.iter().zip(&tags) {
                        let upos: Vec<_> = t.iter().map(|t| t.0).collect();
                        found += ner.predict(f, &upos).len();
                    }
                }
            }
            let t = (cpu() - t0) / 5.0;
            println!("{n} words, {:.0} w/s ({found})", n as f64 / t);
            let tags: Vec<Vec<_>> = forms.iter().map(|f| tagger.predict(f)).collect();
            let upos: Vec<Vec<_>> = tags.iter().map(|t| t.iter().map(|x| x.0).collect()).collect();
            let t0 = cpu();
            for _ in 0..5 {
                for f in &forms {
                    found += tagger.predict(f).len();
                }
            }
            let tt = (cpu() - t0) / 5.0;
            let t0 = cpu();
            for _ in 0..5 {
                for (f, t) in forms.iter().zip(&tags) {
                    found += parser.predict(f, t).len();
                }
            }
            let tp = (cpu() - t0) / 5.0;
            let t0 = cpu();
            for _ in 0..5 {
                for (f, u) in forms.iter().zip(&upos) {
                    found += ner.predict(f, u).len();
                }
            }
            let tn = (cpu() - t0) / 5.0;
            println!(
                "tagger {:.0} parser {:.0} ner {:.0} w/s ({found})",
                n as f64 / tt,
                n as f64 / tp,
                n as f64 / tn
            );
        }
        Some("build") => {
            // Train every model as shipped (the library's `train::all`, as `newsgraph train all`).
            let data = std::path::Path::new("/work/shared/data");
            let out = std::path::Path::new("/work/main/crates/nlp/models");
            let t0 = Instant::now();
            let log = |m: String| eprintln!("[{:.0}s] {m}", t0.elapsed().as_secs_f64());
            let (tagger, parser, ner, lemmas) = newsgraph_nlp::train::all(data, 5, log).unwrap();
            std::fs::write(out.join("tagger.bin"), tagger.to_bytes()).unwrap();
            std::fs::write(out.join("parser.bin"), parser.to_bytes()).unwrap();
            std::fs::write(out.join("ner.bin"), ner.to_bytes()).unwrap();
            std::fs::write(out.join("lemmas.bin"), lemmas.to_bytes()).unwrap();
            std::fs::write("/tmp/nlp-tagger.bin", tagger.to_bytes()).unwrap();
            std::fs::write("/tmp/nlp-parser.bin", parser.to_bytes()).unwrap();
            eprintln!("[{:.0}s] saved", t0.elapsed().as_secs_f64());
        }
        _ => eprintln!("usage: dev tagger|parser|ner"),
    }
}
