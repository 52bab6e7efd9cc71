//! Turn a `word<TAB>cluster path` list (written by `scripts/word-clusters.sh` from
//! spacy-lookups-data) into the compiled-in clusters file.
//! `cargo run --release -p newsgraph-nlp --example build_clusters -- LIST.tsv [OUT]`
//! (OUT defaults to `crates/nlp/models/clusters.bin`).

use newsgraph_nlp::clusters::Clusters;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(list) = args.first() else {
        eprintln!("usage: build_clusters LIST.tsv [OUT]");
        return ExitCode::FAILURE;
    };
    let out = args.get(1).cloned().unwrap_or_else(|| "crates/nlp/models/clusters.bin".into());
    let text = match std::fs::read_to_string(list) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{list}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let clusters = match Clusters::from_tsv(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{list}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = clusters.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{out}: {} words, {} bytes", clusters.len(), bytes.len());
    ExitCode::SUCCESS
}
