//! Development aid: code one validation record (by id) on its gold parse and print the
//! tokens, the dictionary hits and the events.
//! `cargo run -p newsgraph-events --example explain_sentence -- ID [FILE]`.

use newsgraph_events::evaluation::{self, Input};
use newsgraph_events::{ActorCoder, EventCoder};
use newsgraph_model::Component;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(id) = args.next() else {
        eprintln!("usage: explain ID [FILE]");
        std::process::exit(2);
    };
    let path = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/petrarch2/petr2_gsr_validation_ud.jsonl"));
    let records = evaluation::read_validation(&path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    for record in records.iter().filter(|r| r.id == id) {
        let Ok(mut doc) = evaluation::record_document(record, Input::GoldParse) else { continue };
        ActorCoder::new().annotate(&mut doc);
        EventCoder::new().annotate(&mut doc);
        for (i, t) in doc.tokens.iter().enumerate() {
            println!(
                "{i:>3} {:<15} {:<12} {:<6} {:>4} {}",
                t.text(&doc.text),
                t.lemma,
                t.upos.as_str(),
                t.head.map(|h| h.to_string()).unwrap_or_else(|| "-".into()),
                t.rel.as_str()
            );
        }
        for e in &doc.events {
            println!(
                "{} -> {} {} {:?} negated={} cue={:?}",
                e.source.code,
                e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                e.cameo,
                e.modality,
                e.negated,
                doc.slice(e.cue)
            );
        }
    }
}
