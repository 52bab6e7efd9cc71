//! `newsgraph ingest`: read articles, analyse them on all cores and write them to the store,
//! skipping what it already holds; a progress bar shows documents per second.

use anyhow::Context;
use clap::Args as ClapArgs;
use newsgraph_engine::Engine;
use newsgraph_ingest::{Deduplicator, Format, ReadOptions};
use newsgraph_store::ingest::{self, Event, Progress};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Files or directories to read (`-` reads standard input). Plain text, JSON Lines, HTML
    /// and WARC (.warc, .warc.gz) are recognised by name and content.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// The store file (created if missing).
    #[arg(long, default_value = newsgraph_store::DEFAULT_FILE, value_name = "FILE")]
    pub store: PathBuf,

    /// Force the input format: text, jsonl, html or warc.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,

    /// JSON Lines field that holds the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// JSON Lines field that holds the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// JSON Lines field that holds raw HTML to extract the article from.
    #[arg(long, value_name = "NAME")]
    pub html_field: Option<String>,

    /// Analyse and store again documents the store already holds unchanged (after an
    /// upgrade of newsgraph).
    #[arg(long)]
    pub reanalyse: bool,

    /// Extend the built-in actor dictionary with the PETRARCH-format actor and agent files
    /// (`*.actors.txt`, `*agents*.txt`) in DIR.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dictionaries: Option<PathBuf>,

    /// Documents analysed and committed together.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,

    /// Do not show progress or the summary.
    #[arg(short, long)]
    pub quiet: bool,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::parse(name).ok_or_else(|| format!("unknown format `{name}` (expected text, jsonl, html or warc)"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = ReadOptions {
        format: args.format,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        html_field: args.html_field.clone(),
        ..ReadOptions::default()
    };
    let engine = super::engine(args.petrarch_dictionaries.as_deref())?;
    let progress =
        ingest_paths(&engine, &args.inputs, &args.store, &options, args.reanalyse, args.batch, args.quiet)?;
    Ok(if progress.read_errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Ingest inputs into a store with the default engine, showing progress unless `quiet`.
pub fn ingest_paths(
    engine: &Engine,
    inputs: &[PathBuf],
    store: &Path,
    options: &ReadOptions,
    reanalyse: bool,
    batch: usize,
    quiet: bool,
) -> anyhow::Result<Progress> {
    let bar = (!quiet && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    // Copies and near-copies within the run are linked to the first (the store links exact
    // copies of what it already holds).
    let mut dedup = Deduplicator::new();
    let documents = newsgraph_ingest::read(inputs, options).map(move |read| {
        read.map(|mut doc| {
            dedup.check(&mut doc);
            doc
        })
    });
    let options = ingest::Options { batch_documents: batch.max(1), reanalyse, ..ingest::Options::default() };
    let progress = ingest::run(
        store,
        documents,
        |docs| engine.analyze_all(docs),
        options,
        |event| match event {
            Event::ReadError(message) => match &bar {
                Some(bar) => bar.println(format!("newsgraph: {message}")),
                None if !quiet => eprintln!("newsgraph: {message}"),
                None => {}
            },
            Event::Progress(p) => {
                if let Some(bar) = &bar {
                    bar.set_message(summary(p));
                }
            }
        },
    )
    .with_context(|| format!("ingest into `{}` failed", store.display()))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if !quiet {
        eprintln!("newsgraph: {} into {}", summary(&progress), store.display());
    }
    Ok(progress)
}

fn summary(p: &Progress) -> String {
    let mut s = format!(
        "{} documents read, {} stored, {} replaced, {} already stored ({:.0} documents/s)",
        p.read,
        p.written.stored,
        p.written.replaced,
        p.skipped + p.written.unchanged,
        p.per_second()
    );
    if p.written.duplicates > 0 {
        s.push_str(&format!(", {} duplicates marked", p.written.duplicates));
    }
    if p.read_errors > 0 {
        s.push_str(&format!(", {} inputs could not be read", p.read_errors));
    }
    s
}
