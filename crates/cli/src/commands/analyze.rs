//! `newsgraph analyze`: read articles, run the pipeline, print JSON Lines or a readable view.

use crate::pretty;
use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use newsgraph_ingest::{Deduplicator, Format, ReadOptions};
use newsgraph_model::{wire, Document};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Documents analysed together; output order is input order.
const BATCH_DOCUMENTS: usize = 128;
/// Bytes of text analysed together, at most (a batch closes early on large documents).
const BATCH_BYTES: usize = 32 << 20;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads standard input. Plain text, JSON
    /// Lines, HTML and WARC (.warc, .warc.gz) are recognised by name and content.
    pub inputs: Vec<PathBuf>,

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

    /// Print a readable view for people instead of JSON Lines.
    #[arg(long)]
    pub pretty: bool,

    /// Include tokens (tags, lemmas, dependency heads) in the JSON output.
    #[arg(long)]
    pub tokens: bool,

    /// Include sentence spans in the JSON output.
    #[arg(long)]
    pub sentences: bool,

    /// Keep page debris in plain text (repeated headlines, share buttons, notices).
    #[arg(long)]
    pub no_clean: bool,

    /// Extend the built-in actor dictionary with the PETRARCH-format actor and agent files
    /// (`*.actors.txt`, `*agents*.txt`) in DIR.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dictionaries: Option<PathBuf>,

    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Do not show progress or the summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::parse(name).ok_or_else(|| format!("unknown format `{name}` (expected text, jsonl, html or warc)"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut inputs = args.inputs.clone();
    if inputs.is_empty() {
        if io::stdin().is_terminal() {
            bail!("no input: give files or directories, or pipe text to standard input (`-`)");
        }
        inputs.push(PathBuf::from("-"));
    }
    let options = ReadOptions {
        format: args.format,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        html_field: args.html_field.clone(),
        clean_text: !args.no_clean,
        ..ReadOptions::default()
    };
    let engine = super::engine(args.petrarch_dictionaries.as_deref())?;
    let wire_options = wire::Options { sentences: args.sentences, tokens: args.tokens };

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("cannot write `{}`", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = io::BufWriter::new(sink);
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal());

    let mut documents = newsgraph_ingest::read(&inputs, &options);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCUMENTS);
    let mut batch_bytes = 0usize;
    let mut read_errors = 0usize;
    let mut analysed = 0usize;
    // Copies and near-copies are marked with the id of the first (`duplicate_of`).
    let mut dedup = Deduplicator::new();
    let mut duplicates = 0usize;
    loop {
        let next = documents.next();
        let done = next.is_none();
        match next {
            Some(Ok(mut doc)) => {
                if dedup.check(&mut doc).is_some() {
                    duplicates += 1;
                }
                batch_bytes += doc.text.len();
                batch.push(doc);
            }
            Some(Err(error)) => {
                read_errors += 1;
                progress.println(&format!("newsgraph: {error}"));
            }
            None => {}
        }
        if batch.len() >= BATCH_DOCUMENTS || batch_bytes >= BATCH_BYTES || (done && !batch.is_empty()) {
            engine.analyze_all(&mut batch);
            for doc in batch.drain(..) {
                let written = if args.pretty {
                    pretty::write(&mut out, &doc)
                } else {
                    let record = wire::Record::from_document(&doc, wire_options);
                    writeln!(out, "{}", record.to_json_line())
                };
                if let Err(e) = written {
                    return finish_on_write_error(e);
                }
                analysed += 1;
            }
            batch_bytes = 0;
            progress.set(analysed);
        }
        if done {
            break;
        }
    }
    if let Err(e) = out.flush() {
        return finish_on_write_error(e);
    }
    progress.finish();
    if !args.quiet {
        let stats = documents.stats();
        let mut summary = format!("newsgraph: {analysed} documents analysed");
        if read_errors > 0 {
            summary.push_str(&format!(", {read_errors} inputs could not be read"));
        }
        if duplicates > 0 {
            summary.push_str(&format!(", {duplicates} marked as duplicates"));
        }
        if stats.skipped > 0 {
            summary.push_str(&format!(", {} records skipped", stats.skipped));
        }
        if io::stderr().is_terminal() || read_errors > 0 {
            eprintln!("{summary}");
        }
    }
    Ok(if read_errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A closed pipe (`newsgraph analyze … | head`) is a normal way to stop.
fn finish_on_write_error(error: io::Error) -> anyhow::Result<ExitCode> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(error).context("cannot write output")
    }
}

/// A spinner with a documents-per-second rate on standard error, when it is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(visible: bool) -> Progress {
        if !visible {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {elapsed}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress(Some(bar))
    }

    fn set(&self, n: usize) {
        if let Some(bar) = &self.0 {
            bar.set_position(n as u64);
        }
    }

    fn println(&self, line: &str) {
        match &self.0 {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
