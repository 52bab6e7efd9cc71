//! `newsgraph export-gdelt` and `newsgraph eval events`: GDELT 2.0 rows from analysed
//! documents, and the event coder scored on the PETRARCH-2 validation set with its share of
//! the pipeline's time. Argument parsing and printing only; the work is in
//! `newsgraph_events::{gdelt, evaluation}`.

use anyhow::{bail, Context};
use clap::Args;
use newsgraph_engine::Engine;
use newsgraph_events::evaluation::{self, Input, Report};
use newsgraph_events::{gdelt, ActorCoder, EventCoder};
use newsgraph_model::{wire, Component, Document};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Which GDELT table to write: events (61 columns), mentions (16) or gkg (27).
    #[arg(long, value_parser = ["events", "mentions", "gkg"])]
    pub table: String,
    /// newsgraph/1 JSON Lines files, as `newsgraph analyze` writes them; `-` or nothing reads
    /// standard input. Add `--sentences` to `analyze` for exact SentenceID columns.
    pub files: Vec<PathBuf>,
    /// Print GDELT's column names as a first line (GDELT's own files have none).
    #[arg(long)]
    pub header: bool,
    /// GLOBALEVENTID of the first event; the rest follow in order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub first_id: u64,
    /// DATEADDED for every row, YYYYMMDDHHMMSS (default: each article's publication date).
    #[arg(long, value_name = "STAMP")]
    pub date_added: Option<u64>,
}

/// `newsgraph eval …`: evaluations on public data. Other areas' evaluations join as variants.
#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalWhat,
}

#[derive(clap::Subcommand, Debug)]
pub enum EvalWhat {
    /// Attributions on PolNeAR (content overlap and source match), beside spaCy + textacy
    Attribution(super::eval::AttributionArgs),
    /// Event coding on the PETRARCH-2 validation set, and its share of the pipeline's time
    Events(EvalEventsArgs),
    /// Tagger, parser and recogniser on UD/UNER English EWT, beside spaCy's small model
    Nlp(super::nlp::EvalNlp),
    /// Main text and metadata on the trafilatura benchmark, beside trafilatura
    Extraction(super::extract::EvalExtraction),
}

/// Run the chosen evaluation.
pub fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.what {
        EvalWhat::Attribution(a) => super::eval::attribution(a),
        EvalWhat::Events(a) => eval(a),
        EvalWhat::Nlp(a) => super::nlp::eval_nlp(a),
        EvalWhat::Extraction(a) => super::extract::eval(a),
    }
}

#[derive(Args, Debug)]
pub struct EvalEventsArgs {
    /// The PETRARCH-2 validation set.
    #[arg(
        long,
        default_value = "../shared/data/petrarch2/petr2_gsr_validation_ud.jsonl",
        value_name = "FILE"
    )]
    pub data: PathBuf,
    /// Articles for the timing benchmark (plain text files); skipped when absent.
    #[arg(long, default_value = "../shared/data/polnear/dev/text", value_name = "DIR")]
    pub bench: PathBuf,
    /// Extend the actor dictionary with PETRARCH-format actor and agent files from DIR.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dictionaries: Option<PathBuf>,
    /// A worked example (text file with a `.expected.md` beside it) whose events table is
    /// checked; skipped when absent.
    #[arg(long, default_value = "../shared/examples/000_1472174451f795f0.txt", value_name = "FILE")]
    pub example: PathBuf,
    /// Print every sentence with its expected and produced events.
    #[arg(long)]
    pub verbose: bool,
    /// Print only the sentences with a missed expected event or a spurious one.
    #[arg(long, conflicts_with = "verbose")]
    pub misses: bool,
}

/// Read newsgraph/1 documents from the files (or standard input) and write GDELT rows.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.header {
        let names: &[&str] = match args.table.as_str() {
            "events" => &gdelt::EVENTS_COLUMNS,
            "mentions" => &gdelt::MENTIONS_COLUMNS,
            _ => &gdelt::GKG_COLUMNS,
        };
        writeln!(out, "{}", names.join("\t"))?;
    }
    let mut next_id = args.first_id;
    let mut record = 0u64;
    let mut failed = false;
    let inputs: Vec<PathBuf> =
        if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    for input in &inputs {
        let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(input) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    eprintln!("newsgraph: cannot read {}: {e}", input.display());
                    failed = true;
                    continue;
                }
            }
        };
        for (n, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("newsgraph: {} line {}: {e}", input.display(), n + 1);
                    failed = true;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let record_doc: wire::Record = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("newsgraph: {} line {}: not a newsgraph/1 record: {e}", input.display(), n + 1);
                    failed = true;
                    continue;
                }
            };
            let doc = record_doc.into_document();
            let options = gdelt::ExportOptions {
                first_event_id: next_id,
                date_added: args.date_added,
                record_number: record,
            };
            match args.table.as_str() {
                "events" => gdelt::write_events(&mut out, &doc, &options)?,
                "mentions" => gdelt::write_mentions(&mut out, &doc, &options)?,
                _ => gdelt::write_gkg(&mut out, &doc, &options)?,
            };
            next_id += doc.events.len() as u64;
            record += 1;
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn coders(dir: Option<&Path>) -> anyhow::Result<(ActorCoder, EventCoder)> {
    Ok(match dir {
        Some(dir) => {
            let dictionary = super::load_petrarch(dir)?;
            eprintln!(
                "actor dictionary: {} entries with PETRARCH's from {}",
                dictionary.len(),
                dir.display()
            );
            (ActorCoder::with_dictionary(Arc::clone(&dictionary)), EventCoder::with_dictionary(dictionary))
        }
        None => (ActorCoder::new(), EventCoder::new()),
    })
}

/// Which sentences [`print_report`] lists.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Listing {
    None,
    Misses,
    All,
}

fn print_report(title: &str, report: &Report, listing: Listing) {
    if listing != Listing::None {
        for r in &report.results {
            let all_found = r.expected.iter().all(|(_, m)| m.is_some());
            let none_spurious = (0..r.predicted.len()).all(|j| r.expected.iter().any(|(_, m)| *m == Some(j)));
            if listing == Listing::Misses && all_found && none_spurious {
                continue;
            }
            println!("{} | {}", r.id, r.text);
            for (g, m) in &r.expected {
                println!(
                    "    expected {} -> {} {} {}",
                    g.source,
                    g.target,
                    g.code,
                    if m.is_some() { "found" } else { "MISSED" }
                );
            }
            for (j, p) in r.predicted.iter().enumerate() {
                let used = r.expected.iter().any(|(_, m)| *m == Some(j));
                let target = if p.target.is_empty() { "-" } else { p.target.as_str() };
                println!(
                    "    ours     {} -> {} {} {}",
                    p.source,
                    target,
                    p.code,
                    if used { "" } else { "spurious" }
                );
            }
        }
    }
    println!("{title}");
    println!(
        "  expected events found (both actors and root code right): {}/{} = {:.1}%",
        report.found,
        report.expected,
        100.0 * report.recall()
    );
    println!(
        "  exact CAMEO code: {}/{} = {:.1}%   exact actor codes: {}/{}",
        report.exact_code,
        report.expected,
        100.0 * report.exact_code_rate(),
        report.exact_actors,
        report.expected
    );
    println!(
        "  spurious events: {}/{} = {:.1}%",
        report.spurious,
        report.predicted,
        100.0 * report.spurious_rate()
    );
}

/// Time the whole pipeline and the coding stage alone on a directory of articles.
fn bench(
    dir: &Path,
    engine: &Engine,
    actors: &ActorCoder,
    events: &EventCoder,
) -> anyhow::Result<Option<(usize, Duration, Duration)>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut pipeline = Duration::ZERO;
    let mut coding = Duration::ZERO;
    for path in &paths {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut doc = Document::new(path.display().to_string(), text);
        let started = Instant::now();
        engine.analyze(&mut doc);
        pipeline += started.elapsed();
        // The coding stage again, alone, on the analysed document.
        doc.events.clear();
        let started = Instant::now();
        actors.annotate(&mut doc);
        events.annotate(&mut doc);
        coding += started.elapsed();
    }
    Ok(Some((paths.len(), pipeline, coding)))
}

/// Score the coder on the validation set, on raw text through the engine and on the gold
/// parses, and time it against the pipeline.
pub fn eval(args: EvalEventsArgs) -> anyhow::Result<ExitCode> {
    let records = match evaluation::read_validation(&args.data) {
        Ok(r) => r,
        Err(evaluation::EvalError::MissingData(path)) => {
            bail!("the PETRARCH-2 validation set is not at {path}: pass --data FILE (it is in ../shared/data/petrarch2)")
        }
        Err(e) => return Err(e.into()),
    };
    let (actors, events) = coders(args.petrarch_dictionaries.as_deref())?;
    let engine = Engine::english();
    let has_parser = engine.components().contains(&"parser");
    println!(
        "PETRARCH-2 validation set: {} sentences, {} expected events ({})",
        records.len(),
        records.iter().map(|r| r.expected_events.len()).sum::<usize>(),
        args.data.display()
    );
    let raw = evaluation::evaluate(&records, Input::RawText, &actors, &events, &|d| engine.analyze(d));
    let listing = if args.verbose {
        Listing::All
    } else if args.misses {
        Listing::Misses
    } else {
        Listing::None
    };
    print_report(
        "raw text through the full pipeline (tokeniser, tagger, parser, entities, attribution, coder):",
        &raw,
        listing,
    );
    if !has_parser {
        println!(
            "  (the default pipeline has no dependency parser yet: no events can be coded from raw text)"
        );
    }
    let gold = evaluation::evaluate(&records, Input::GoldParse, &actors, &events, &|_| {});
    print_report("gold CoNLL-U parses of the validation file (coder alone):", &gold, Listing::None);
    println!(
        "timing on the validation sentences: pipeline {:.1} ms, coding {:.1} ms ({:.1}% on top of the rest)",
        raw.pipeline_time.as_secs_f64() * 1e3,
        raw.coding_time.as_secs_f64() * 1e3,
        100.0 * raw.coding_overhead()
    );
    let expected_md = args.example.with_extension("expected.md");
    match (std::fs::read_to_string(&args.example), std::fs::read_to_string(&expected_md)) {
        (Ok(text), Ok(md)) => {
            let expected = evaluation::example_events(&md);
            let mut doc = Document::new(args.example.display().to_string(), text);
            engine.analyze(&mut doc);
            let found = evaluation::check_example(&doc, &expected);
            println!(
                "worked example {}: {}/{} events of its table found with compatible actors and the root code",
                args.example.display(),
                found.iter().filter(|f| **f).count(),
                found.len()
            );
            for (x, ok) in expected.iter().zip(&found) {
                let target = if x.target.is_empty() { "-" } else { x.target.as_str() };
                println!(
                    "  {} {} -> {} root {}: {}",
                    x.sides,
                    x.source,
                    target,
                    x.root,
                    if *ok { "found" } else { "missed" }
                );
            }
        }
        _ => println!("worked example not found at {}: skipped", args.example.display()),
    }
    match bench(&args.bench, &engine, &actors, &events)? {
        Some(_) if !has_parser => {
            println!("timing on articles skipped: without a parser in the pipeline there is nothing to code")
        }
        Some((n, pipeline, coding)) => {
            let rest = pipeline.saturating_sub(coding).as_secs_f64();
            println!(
                "timing on {n} articles of {}: pipeline {:.2} ms/article, coding {:.2} ms/article = {:.1}% on top of the rest of the pipeline",
                args.bench.display(),
                pipeline.as_secs_f64() * 1e3 / n.max(1) as f64,
                coding.as_secs_f64() * 1e3 / n.max(1) as f64,
                if rest > 0.0 { 100.0 * coding.as_secs_f64() / rest } else { 0.0 }
            );
        }
        None => {
            println!("benchmark articles not found at {}: timing on articles skipped", args.bench.display())
        }
    }
    Ok(ExitCode::SUCCESS)
}
