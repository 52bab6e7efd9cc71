//! Run the attribution evaluation: `cargo run --release -p newsgraph-eval --example attribution -- DIR [--no-peer]`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).cloned().unwrap_or_else(|| "../shared/data/polnear/dev".into());
    let peer = !args.iter().any(|a| a == "--no-peer");
    match newsgraph_eval::attribution(std::path::Path::new(&dir), peer, None) {
        Ok(r) => {
            println!("{} docs, {} annotation files", r.documents, r.annotation_files);
            let show = |name: &str, run: &newsgraph_eval::SystemRun| {
                let s = &run.scores;
                println!(
                    "{name:<10} P {:.3} R {:.3} F1 {:.3} | matched {}/{} pred {} | source {:.3} ({}/{}) | {:.0} tok/s",
                    s.content_precision, s.content_recall, s.content_f1, s.matched, s.gold, s.predicted,
                    s.source_accuracy(), s.source_right, s.source_judged, run.tokens_per_second()
                );
            };
            show("newsgraph", &r.ours);
            match &r.peer {
                Ok(p) => show("peer", p),
                Err(e) => println!("peer: {e}"),
            }
        }
        Err(e) => eprintln!("{e}"),
    }
}
