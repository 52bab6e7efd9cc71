//! Development view of the PETRARCH-2 validation set on gold parses: every record with its
//! expected and produced events. `cargo run -p newsgraph-events --example validate [FILE]`.

use newsgraph_events::evaluation::{self, Input};
use newsgraph_events::{ActorCoder, EventCoder};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let petrarch = args.iter().position(|a| a == "--petrarch").and_then(|i| args.get(i + 1)).cloned();
    let path = args
        .iter()
        .find(|a| a.ends_with(".jsonl"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/petrarch2/petr2_gsr_validation_ud.jsonl"));
    let (actors, events) = match petrarch {
        Some(dir) => match newsgraph_events::petrarch::load_directory(std::path::Path::new(&dir)) {
            Ok(d) => {
                let d = std::sync::Arc::new(d);
                (ActorCoder::with_dictionary(d.clone()), EventCoder::with_dictionary(d))
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        },
        None => (ActorCoder::new(), EventCoder::new()),
    };
    let records = match evaluation::read_validation(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let report = evaluation::evaluate(&records, Input::GoldParse, &actors, &events, &|_| {});
    for r in &report.results {
        let ok = r.expected.iter().all(|(_, m)| m.is_some()) && r.predicted.len() == r.expected.len();
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
        "found {}/{} ({:.1}%), exact code {} ({:.1}%), exact actors {}, predicted {}, spurious {} ({:.1}%)",
        report.found,
        report.expected,
        100.0 * report.recall(),
        report.exact_code,
        100.0 * report.exact_code_rate(),
        report.exact_actors,
        report.predicted,
        report.spurious,
        100.0 * report.spurious_rate()
    );
}
