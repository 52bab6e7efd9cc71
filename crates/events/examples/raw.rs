//! Development view of the validation set on raw text through the full pipeline (segmenter,
//! tagger, lemmatiser, parser, recogniser, entities, attribution, coders), built here from
//! the components so it runs before the engine lists them all.
//! `cargo run --release -p newsgraph-events --example raw [-- --verbose] [-- ID]`.

use newsgraph_events::evaluation::{self, Input};
use newsgraph_events::{ActorCoder, EventCoder};
use newsgraph_model::{Component, Pipeline};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let only = args.iter().find(|a| !a.starts_with("--")).cloned();
    let path = PathBuf::from("../shared/data/petrarch2/petr2_gsr_validation_ud.jsonl");
    let records = evaluation::read_validation(&path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let records: Vec<_> =
        records.into_iter().filter(|r| only.as_ref().is_none_or(|id| &r.id == id)).collect();
    let mut components: Vec<Box<dyn Component>> = vec![Box::new(newsgraph_text::Segmenter)];
    // The engine's own nlp components, in its order.
    components.extend(newsgraph_nlp::components::default_components().unwrap_or_default());
    components.push(Box::new(newsgraph_entities::EntityLinker));
    components.push(Box::new(newsgraph_attribution::Attributor));
    components.push(Box::new(ActorCoder::new()));
    components.push(Box::new(EventCoder::new()));
    let pipeline = match Pipeline::new(components) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2)
        }
    };
    if let Some(file) = args.iter().position(|a| a == "--text").and_then(|i| args.get(i + 1)) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut doc = newsgraph_model::Document::new("text", text);
        pipeline.run(&mut doc);
        if args.iter().any(|a| a == "--tokens") {
            for (i, t) in doc.tokens.iter().enumerate() {
                println!(
                    "{i:>3} {:<15} {:<12} {:<6} {:<5} {:>4} {}",
                    t.text(&doc.text),
                    t.lemma,
                    t.upos.as_str(),
                    t.tag.as_str(),
                    t.head.map(|h| h.to_string()).unwrap_or_else(|| "-".into()),
                    t.rel.as_str()
                );
            }
        }
        for e in &doc.events {
            println!(
                "{:<10} -> {:<10} {:<5} {:?} neg={} att={:?} | {}",
                e.source.code,
                e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                e.cameo,
                e.modality,
                e.negated,
                e.attribution,
                doc.slice(e.cue)
            );
        }
        for e in &doc.entities {
            println!("entity {} {:?} {:?} {:?}", e.name, e.kind, e.actor, e.descriptors);
            if args.iter().any(|a| a == "--mentions") {
                for &m in &e.mentions {
                    if let Some(m) = doc.mentions.get(m as usize) {
                        println!("    mention {:?} {:?}", m.kind, doc.slice(m.span));
                    }
                }
            }
        }
        let expected_md = file.replace(".txt", ".expected.md");
        if let Ok(md) = std::fs::read_to_string(&expected_md) {
            let expected = evaluation::example_events(&md);
            let found = evaluation::check_example(&doc, &expected);
            for (x, ok) in expected.iter().zip(&found) {
                println!(
                    "example {} {} -> {} {}: {}",
                    x.sides,
                    x.source,
                    x.target,
                    x.root,
                    if *ok { "found" } else { "MISSED" }
                );
            }
            println!("example events found: {}/{}", found.iter().filter(|f| **f).count(), found.len());
        }
        return;
    }
    if let Some(dir) = args.iter().position(|a| a == "--bench").and_then(|i| args.get(i + 1)) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
        paths.sort();
        let (actors, events) = (ActorCoder::new(), EventCoder::new());
        let (mut pipeline_time, mut coding_time, mut n_events, mut bytes) = (0.0, 0.0, 0, 0);
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            bytes += text.len();
            let mut doc = newsgraph_model::Document::new(path.display().to_string(), text);
            let started = std::time::Instant::now();
            pipeline.run(&mut doc);
            pipeline_time += started.elapsed().as_secs_f64();
            doc.events.clear();
            let started = std::time::Instant::now();
            actors.annotate(&mut doc);
            events.annotate(&mut doc);
            coding_time += started.elapsed().as_secs_f64();
            n_events += doc.events.len();
        }
        let n = paths.len().max(1) as f64;
        println!(
            "{} articles ({} KB), {} events: pipeline {:.2} ms/article, coding {:.3} ms/article = {:.1}% on top of the rest",
            paths.len(),
            bytes / 1024,
            n_events,
            1e3 * pipeline_time / n,
            1e3 * coding_time / n,
            100.0 * coding_time / (pipeline_time - coding_time).max(1e-9)
        );
        return;
    }
    if only.is_some() {
        for r in &records {
            let Ok(mut doc) = evaluation::record_document(r, Input::RawText) else { continue };
            pipeline.run(&mut doc);
            for (i, t) in doc.tokens.iter().enumerate() {
                println!(
                    "{i:>3} {:<15} {:<12} {:<6} {:<5} {:>4} {}",
                    t.text(&doc.text),
                    t.lemma,
                    t.upos.as_str(),
                    t.tag.as_str(),
                    t.head.map(|h| h.to_string()).unwrap_or_else(|| "-".into()),
                    t.rel.as_str()
                );
            }
            for e in &doc.entities {
                println!("entity {} {:?} {:?} {:?}", e.name, e.kind, e.actor, e.descriptors);
            }
        }
    }
    let report =
        evaluation::evaluate(&records, Input::RawText, &ActorCoder::new(), &EventCoder::new(), &|d| {
            pipeline.run(d)
        });
    for r in &report.results {
        let ok = r.expected.iter().all(|(_, m)| m.is_some()) && r.predicted.len() == r.expected.len();
        if !verbose && ok {
            continue;
        }
        println!("{} {} | {}", if ok { "  " } else { "XX" }, r.id, r.text);
        for (g, m) in &r.expected {
            println!(
                "     gold {} -> {} {} {}",
                g.source,
                g.target,
                g.code,
                if m.is_some() { "ok" } else { "MISSED" }
            );
        }
        for (j, p) in r.predicted.iter().enumerate() {
            let used = r.expected.iter().any(|(_, m)| *m == Some(j));
            println!(
                "     ours {} -> {} {} {}",
                p.source,
                p.target,
                p.code,
                if used { "" } else { "SPURIOUS" }
            );
        }
    }
    println!(
        "raw text: found {}/{} ({:.1}%), exact code {} ({:.1}%), exact actors {}, predicted {}, spurious {} ({:.1}%); pipeline {:.1} ms, coding {:.1} ms ({:.1}%)",
        report.found,
        report.expected,
        100.0 * report.recall(),
        report.exact_code,
        100.0 * report.exact_code_rate(),
        report.exact_actors,
        report.predicted,
        report.spurious,
        100.0 * report.spurious_rate(),
        report.pipeline_time.as_secs_f64() * 1e3,
        report.coding_time.as_secs_f64() * 1e3,
        100.0 * report.coding_overhead()
    );
}
