//! `newsgraph eval attribution`: attributions on PolNeAR beside spaCy + textacy from the
//! same run. (The `eval` subcommand itself gathers every area's evaluation in `events.rs`.)

use anyhow::Context;
use clap::Args as ClapArgs;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs, Debug)]
pub struct AttributionArgs {
    /// A PolNeAR split directory (with text/ and attributions/).
    #[arg(long, default_value = "../shared/data/polnear/dev", value_name = "DIR")]
    pub data: PathBuf,
    /// Do not run the peer (spaCy's small English model + textacy).
    #[arg(long)]
    pub no_peer: bool,
    /// Evaluate only the first N documents.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

pub fn attribution(args: AttributionArgs) -> anyhow::Result<ExitCode> {
    let report = newsgraph_eval::attribution(&args.data, !args.no_peer, args.limit)
        .with_context(|| format!("attribution evaluation on {}", args.data.display()))?;
    println!(
        "Attributions on {} ({} documents, {} annotation files, {} gold attributions)",
        args.data.display(),
        report.documents,
        report.annotation_files,
        report.ours.scores.gold
    );
    println!("metric: docs/evaluation.md (content words, Dice ≥ 0.5 for a match)");
    println!();
    println!(
        "{:<18} {:>7} {:>7} {:>7} {:>9} {:>9} {:>8} {:>14}",
        "system", "cont P", "cont R", "cont F1", "matched", "predicted", "source", "tokens/s/core"
    );
    let line = |name: &str, run: &newsgraph_eval::SystemRun| {
        let s = &run.scores;
        println!(
            "{:<18} {:>7.3} {:>7.3} {:>7.3} {:>9} {:>9} {:>8.3} {:>14.0}",
            name,
            s.content_precision,
            s.content_recall,
            s.content_f1,
            s.matched,
            s.predicted,
            s.source_accuracy(),
            run.tokens_per_second()
        );
    };
    line("newsgraph", &report.ours);
    match &report.peer {
        Ok(peer) => {
            line("spaCy + textacy", peer);
            if peer.tokens_per_second() > 0.0 {
                println!();
                println!(
                    "speed: newsgraph {:.0}× the peer (single core each, same texts, loading excluded)",
                    report.ours.tokens_per_second() / peer.tokens_per_second()
                );
            }
        }
        Err(e) => println!("{:<18} not measured: {e}", "spaCy + textacy"),
    }
    let total: f64 = report.ours.stages.iter().map(|(_, t)| t).sum();
    if total > 0.0 {
        let shares: Vec<String> =
            report.ours.stages.iter().map(|(name, t)| format!("{name} {:.0}%", 100.0 * t / total)).collect();
        println!("newsgraph time by stage: {}", shares.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
