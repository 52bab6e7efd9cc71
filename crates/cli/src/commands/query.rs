//! `newsgraph query`: ask the store the same questions as the HTTP API, answers as JSON.

use anyhow::{bail, Context};
use clap::{Args as ClapArgs, Subcommand};
use newsgraph_store::questions::*;
use newsgraph_store::Store;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The store to ask.
    #[arg(long, default_value = newsgraph_store::DEFAULT_FILE, value_name = "FILE", global = true)]
    pub store: PathBuf,

    /// Print compact JSON on one line.
    #[arg(long, global = true)]
    pub compact: bool,

    #[command(subcommand)]
    pub question: Question,
}

#[derive(ClapArgs, Debug, Default)]
pub struct PeriodArgs {
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
}

impl PeriodArgs {
    fn period(&self) -> Period {
        Period { from: self.from.clone(), to: self.to.clone() }
    }
}

#[derive(ClapArgs, Debug)]
pub struct PagingArgs {
    /// At most this many answers.
    #[arg(long, default_value_t = DEFAULT_LIMIT)]
    pub limit: u32,
    /// Skip this many first.
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

impl PagingArgs {
    fn paging(&self) -> Paging {
        Paging { limit: self.limit, offset: self.offset }
    }
}

#[derive(Subcommand, Debug)]
pub enum Question {
    /// Full-text search over articles: words, "phrases", OR, prefix*, -excluded
    Search {
        /// What to look for.
        query: String,
        /// Only this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Latest first instead of best match first.
        #[arg(long)]
        newest: bool,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// Quotations by a speaker
    Quotes {
        /// The speaker's name.
        speaker: String,
        /// Only this outlet.
        #[arg(long)]
        outlet: Option<String>,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// Claims by kind of source (e.g. --source-kind anonymous --about china)
    Claims {
        /// named_person, named_organisation, anonymous, unnamed_group, outlet, document, unspecified.
        #[arg(long)]
        source_kind: Option<String>,
        /// Only claims resting on this source.
        #[arg(long)]
        source: Option<String>,
        /// Only claims whose words match this search.
        #[arg(long)]
        about: Option<String>,
        /// Only this outlet.
        #[arg(long)]
        outlet: Option<String>,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// Events between two actors by day, with counts and mean Goldstein score
    Events {
        /// First actor: a CAMEO code or its start (CHN matches CHNGOV).
        actor1: String,
        /// Second actor (any when absent).
        actor2: Option<String>,
        /// Only from actor1 to actor2.
        #[arg(long)]
        directed: bool,
        #[command(flatten)]
        period: PeriodArgs,
    },
    /// The most quoted people
    TopSpeakers {
        /// Only this outlet.
        #[arg(long)]
        outlet: Option<String>,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// The most active actors
    TopActors {
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// An outlet's sourcing profile: shares of named, anonymous and unspecified sources
    Sourcing {
        /// The outlet.
        outlet: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
    /// What a person said, what was said about them, and their timeline
    Person {
        /// The name.
        name: String,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// Outlets by number of articles
    Outlets {
        #[command(flatten)]
        paging: PagingArgs,
    },
    /// One stored document as a newsgraph/1 record
    Document {
        /// Its id.
        id: String,
    },
}

fn print(value: &impl Serialize, compact: bool) -> anyhow::Result<()> {
    let text = if compact { serde_json::to_string(value)? } else { serde_json::to_string_pretty(value)? };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.store.exists() {
        bail!("no store at `{}` (create one with `newsgraph ingest`)", args.store.display());
    }
    let store = Store::open_read_only(&args.store)
        .with_context(|| format!("cannot open `{}`", args.store.display()))?;
    let c = args.compact;
    let answer = match args.question {
        Question::Search { query, outlet, newest, period, paging } => {
            let q = SearchQuery {
                q: query,
                outlet,
                period: period.period(),
                order: if newest { Order::Newest } else { Order::Relevance },
                paging: paging.paging(),
            };
            store.search(&q).map(|a| print(&a, c))
        }
        Question::Quotes { speaker, outlet, period, paging } => store
            .quotes(&QuoteQuery { speaker, outlet, period: period.period(), paging: paging.paging() })
            .map(|a| print(&a, c)),
        Question::Claims { source_kind, source, about, outlet, period, paging } => store
            .claims(&ClaimQuery {
                source_kind,
                source,
                about,
                outlet,
                period: period.period(),
                paging: paging.paging(),
            })
            .map(|a| print(&a, c)),
        Question::Events { actor1, actor2, directed, period } => store
            .events_by_day(&EventQuery { actor1, actor2, directed, period: period.period() })
            .map(|a| print(&a, c)),
        Question::TopSpeakers { outlet, period, paging } => store
            .top_speakers(&TopQuery { outlet, period: period.period(), paging: paging.paging() })
            .map(|a| print(&a, c)),
        Question::TopActors { period, paging } => store
            .top_actors(&TopQuery { outlet: None, period: period.period(), paging: paging.paging() })
            .map(|a| print(&a, c)),
        Question::Sourcing { outlet, period } => {
            store.sourcing(&SourcingQuery { outlet, period: period.period() }).map(|a| print(&a, c))
        }
        Question::Person { name, period, paging } => {
            store.person(&name, &period.period(), paging.paging()).map(|a| print(&a, c))
        }
        Question::Outlets { paging } => store.outlets(paging.paging()).map(|a| print(&a, c)),
        Question::Document { id } => match store.record(&id)? {
            Some(record) => Ok(print(&record, c)),
            None => bail!("no document with id `{id}`"),
        },
    };
    match answer {
        Ok(printed) => printed.map(|_| ExitCode::SUCCESS),
        Err(e) if e.is_bad_query() => {
            eprintln!("newsgraph: {e}");
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}
