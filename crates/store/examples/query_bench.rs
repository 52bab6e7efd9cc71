//! Query latency on a store: each question asked many times with parameters drawn from the
//! store itself (its speakers, outlets, actors, words and days), median and 99th percentile.
//!
//! `cargo run --release -p newsgraph-store --example query_bench -- STORE [ROUNDS]`
//! A benchmark, not a test: it needs a store built by `newsgraph ingest` (see bench/store.sh).

use newsgraph_store::questions::*;
use newsgraph_store::{Result, Store};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        &items[(self.0 % items.len() as u64) as usize]
    }
}

fn column(store: &Store, sql: &str) -> Result<Vec<String>> {
    let mut stmt = store.connection().prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: query_bench STORE [ROUNDS]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(200);
    let store = Store::open_read_only(std::path::Path::new(&path))?;
    let documents = store.count()?;
    let speakers = column(&store, "SELECT speaker_name FROM quotes WHERE speaker_kind = 'PERSON' GROUP BY speaker_name ORDER BY random() LIMIT 500")?;
    let outlets = column(&store, "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL LIMIT 500")?;
    let actors = column(
        &store,
        "SELECT DISTINCT substr(source_code, 1, 3) FROM events WHERE source_code <> '' LIMIT 200",
    )?;
    let names = column(&store, "SELECT name FROM entities WHERE kind IN ('PERSON', 'GPE', 'ORG') GROUP BY name ORDER BY random() LIMIT 500")?;
    let days = column(&store, "SELECT DISTINCT day FROM documents WHERE day IS NOT NULL ORDER BY day")?;
    let words = [
        "officials",
        "election",
        "campaign",
        "said",
        "police",
        "economy",
        "court",
        "china",
        "senate",
        "\"white house\"",
        "vote OR ballot",
        "tax*",
    ];
    let kinds = ["anonymous", "named_person", "unnamed_group", "unspecified", "named_organisation"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let month = |rng: &mut Rng| -> Period {
        if days.is_empty() {
            return Period::default();
        }
        let i = *rng.pick(&(0..days.len()).collect::<Vec<_>>());
        let j = (i + 30).min(days.len() - 1);
        Period { from: Some(days[i].clone()), to: Some(days[j].clone()) }
    };
    println!(
        "store: {path}: {documents} documents; {} speakers, {} outlets, {} actor countries sampled",
        speakers.len(),
        outlets.len(),
        actors.len()
    );
    println!("{:<44} {:>8} {:>10} {:>10} {:>10}", "question", "rounds", "median ms", "p99 ms", "max ms");
    type Ask<'a> = Box<dyn FnMut(&mut Rng) -> Result<usize> + 'a>;
    let mut questions: Vec<(&str, Ask<'_>)> = vec![
        (
            "search (relevance)",
            Box::new(|r| {
                let word: &&str = r.pick(&words);
                Ok(store.search(&SearchQuery::new(word))?.items.len())
            }),
        ),
        (
            "search (newest, one month)",
            Box::new(|r| {
                let q = SearchQuery {
                    q: r.pick(&words).to_string(),
                    order: Order::Newest,
                    period: month(r),
                    ..SearchQuery::default()
                };
                Ok(store.search(&q)?.items.len())
            }),
        ),
        (
            "quotations by speaker",
            Box::new(|r| {
                if speakers.is_empty() {
                    return Ok(0);
                }
                Ok(store
                    .quotes(&QuoteQuery { speaker: r.pick(&speakers).clone(), ..QuoteQuery::default() })?
                    .items
                    .len())
            }),
        ),
        (
            "claims by source kind",
            Box::new(|r| {
                Ok(store
                    .claims(&ClaimQuery {
                        source_kind: Some(r.pick(&kinds).to_string()),
                        ..ClaimQuery::default()
                    })?
                    .items
                    .len())
            }),
        ),
        (
            "claims by source kind about a topic",
            Box::new(|r| {
                let q = ClaimQuery {
                    source_kind: Some(r.pick(&kinds).to_string()),
                    about: Some(r.pick(&words).to_string()),
                    ..ClaimQuery::default()
                };
                Ok(store.claims(&q)?.items.len())
            }),
        ),
        (
            "events between two actors, by day",
            Box::new(|r| {
                if actors.is_empty() {
                    return Ok(0);
                }
                let q = EventQuery {
                    actor1: r.pick(&actors).clone(),
                    actor2: Some(r.pick(&actors).clone()),
                    ..EventQuery::default()
                };
                Ok(store.events_by_day(&q)?.days.len())
            }),
        ),
        (
            "events of one actor over a month, by day",
            Box::new(|r| {
                if actors.is_empty() {
                    return Ok(0);
                }
                let q =
                    EventQuery { actor1: r.pick(&actors).clone(), period: month(r), ..EventQuery::default() };
                Ok(store.events_by_day(&q)?.days.len())
            }),
        ),
        (
            "most quoted people (all time)",
            Box::new(|_| Ok(store.top_speakers(&TopQuery::default())?.items.len())),
        ),
        (
            "most quoted people (one month)",
            Box::new(|r| {
                Ok(store.top_speakers(&TopQuery { period: month(r), ..TopQuery::default() })?.items.len())
            }),
        ),
        (
            "most active actors (all time)",
            Box::new(|_| Ok(store.top_actors(&TopQuery::default())?.items.len())),
        ),
        (
            "most active actors (one month)",
            Box::new(|r| {
                Ok(store.top_actors(&TopQuery { period: month(r), ..TopQuery::default() })?.items.len())
            }),
        ),
        (
            "outlet sourcing profile",
            Box::new(|r| {
                if outlets.is_empty() {
                    return Ok(0);
                }
                Ok(store
                    .sourcing(&SourcingQuery { outlet: r.pick(&outlets).clone(), period: Period::default() })?
                    .claims as usize)
            }),
        ),
        (
            "person page",
            Box::new(|r| {
                if names.is_empty() {
                    return Ok(0);
                }
                Ok(store
                    .person(r.pick(&names[..]).as_str(), &Period::default(), Paging::default())?
                    .said
                    .len())
            }),
        ),
        (
            "network (all time)",
            Box::new(|_| {
                Ok(store.network(&NetworkQuery { period: Period::default(), limit: 60 })?.edges.len())
            }),
        ),
    ];
    for (name, ask) in questions.iter_mut() {
        let mut times = Vec::with_capacity(rounds);
        let mut answers = 0usize;
        for _ in 0..rounds {
            let started = Instant::now();
            answers += ask(&mut rng)?;
            times.push(started.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<44} {:>8} {:>10.2} {:>10.2} {:>10.2}   ({} rows in all)",
            name,
            rounds,
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            answers
        );
    }
    Ok(())
}
