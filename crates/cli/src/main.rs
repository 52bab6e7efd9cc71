//! The `newsgraph` command: thin glue over the engine's crates. It parses arguments, builds
//! the parts, and turns library errors into messages and exit codes.
//!
//! Exit codes: 0 when everything was read, 1 when some input could not be read (the rest was
//! still processed), 2 for unusable arguments.

mod commands;
mod pretty;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// newsgraph turns raw news into data: entities, quotations with resolved speakers,
/// attributed claims with their sources, and coded events between actors.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about, long_about = None, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and print one JSON document per line (or a readable view with --pretty)
    Analyze(commands::analyze::Args),
    /// Extract clean text and metadata from pages, WARC, JSON Lines or text; print JSON Lines
    Extract(commands::extract::Args),
    /// Write GDELT 2.0 Events, Mentions or GKG 2.1 rows from analysed documents (JSON Lines)
    ExportGdelt(commands::events::ExportArgs),
    /// Evaluate on public data beside peer tools (`eval events`)
    Eval(commands::events::EvalArgs),
    /// Analyse articles on all cores and write them to the store (incremental, resumable)
    Ingest(commands::ingest::Args),
    /// Serve the JSON API and the web page over a store (localhost by default)
    Serve(commands::serve::Args),
    /// Ask the store: search, quotes, claims, events, rankings, sourcing, people (JSON answers)
    Query(commands::query::Args),
    /// Export the store: JSON Lines, Parquet tables partitioned by date, GDELT files
    Export(commands::export::Args),
    /// Train the statistical NLP models from the shared data (tagger, parser, ner, lemmas)
    Train(commands::nlp::TrainArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::ExportGdelt(args) => commands::events::export(args),
        Command::Eval(args) => commands::events::run_eval(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Query(args) => commands::query::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Train(args) => commands::nlp::train(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("newsgraph: {error:#}");
            ExitCode::from(2)
        }
    }
}
