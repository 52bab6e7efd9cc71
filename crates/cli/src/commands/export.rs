//! `newsgraph export`: the store as JSON Lines, date-partitioned Parquet tables, or GDELT 2.0
//! Events / Mentions and GKG 2.1 files.

use anyhow::{bail, Context};
use clap::{Args as ClapArgs, ValueEnum};
use newsgraph_events::gdelt;
use newsgraph_store::questions::Period;
use newsgraph_store::Store;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// newsgraph/1 records, one per line.
    Jsonl,
    /// Parquet tables (documents, entities, quotes, attributions, events) partitioned by date,
    /// written into the directory given by --output.
    Parquet,
    /// GDELT 2.0 Events, tab-separated.
    GdeltEvents,
    /// GDELT 2.0 Mentions, tab-separated.
    GdeltMentions,
    /// GDELT GKG 2.1, tab-separated.
    Gkg,
}

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Format,

    /// The store to export.
    #[arg(long, default_value = newsgraph_store::DEFAULT_FILE, value_name = "FILE")]
    pub store: PathBuf,

    /// Output file (standard output when absent), or directory for Parquet.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,

    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,

    /// GDELT: GLOBALEVENTID of the first event.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub first_event_id: u64,

    /// Do not print the summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Documents read from the store at a time.
const BATCH: usize = 512;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.store.exists() {
        bail!("no store at `{}` (create one with `newsgraph ingest`)", args.store.display());
    }
    let store = Store::open_read_only(&args.store)
        .with_context(|| format!("cannot open `{}`", args.store.display()))?;
    let period = Period { from: args.from.clone(), to: args.to.clone() };
    if args.format == Format::Parquet {
        let Some(root) = &args.output else { bail!("--format parquet needs --output DIRECTORY") };
        let mut writer = newsgraph_tables::parquet::PartitionedWriter::create(root)?;
        let mut failure = None;
        let n = store.for_each_batch(&period, BATCH, |docs| {
            if let Err(e) = writer.write(&docs) {
                failure = Some(e);
            }
            Ok(())
        })?;
        if let Some(e) = failure {
            return Err(e.into());
        }
        let written = writer.finish()?;
        if !args.quiet {
            let rows: Vec<String> = newsgraph_tables::parquet::TABLES
                .iter()
                .zip(written.rows)
                .map(|(t, n)| format!("{n} {t}"))
                .collect();
            eprintln!(
                "newsgraph: {n} documents exported to {} ({} files: {})",
                root.display(),
                written.files,
                rows.join(", ")
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("cannot write `{}`", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let n = match args.format {
        Format::Jsonl => store.export_json_lines(&period, &mut out)?,
        _ => {
            let mut next_id = args.first_event_id;
            let mut record_number = 0u64;
            let mut failure: Option<std::io::Error> = None;
            let n = store.for_each_batch(&period, BATCH, |docs| {
                for doc in &docs {
                    if failure.is_some() {
                        break;
                    }
                    let options =
                        gdelt::ExportOptions { first_event_id: next_id, date_added: None, record_number };
                    let written = match args.format {
                        Format::GdeltEvents => gdelt::write_events(&mut out, doc, &options),
                        Format::GdeltMentions => gdelt::write_mentions(&mut out, doc, &options),
                        _ => gdelt::write_gkg(&mut out, doc, &options),
                    };
                    if let Err(e) = written {
                        failure = Some(e);
                    }
                    next_id += doc.events.len() as u64;
                    record_number += 1;
                }
                Ok(())
            })?;
            if let Some(e) = failure {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                return Err(e).context("cannot write the export");
            }
            n
        }
    };
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("cannot write the export")?,
    }
    if !args.quiet {
        eprintln!("newsgraph: {n} documents exported");
    }
    Ok(ExitCode::SUCCESS)
}
