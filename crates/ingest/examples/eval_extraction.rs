//! Score our extractor on the trafilatura benchmark and print per-page misses, for
//! development (held-out pages are listed only with `--all`).
//! `cargo run --release -p newsgraph-ingest --example eval_extraction -- [TARBALL] [--misses] [--all]`

use newsgraph_ingest::evaluation::{self, normalise_space};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/data/extraction/trafilatura-eval.tar.gz".into());
    let pages = match evaluation::load(path.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let (outputs, took) = evaluation::run_ours(&pages);
    let s = evaluation::score(&pages, &outputs);
    println!(
        "pages {} P {:.4} R {:.4} F1 {:.4} | title {:.3} author {:.3} date {:.3} | {:.1} pages/s",
        s.pages,
        s.precision(),
        s.recall(),
        s.f1(),
        evaluation::ratio(s.title.0, s.title.1),
        evaluation::ratio(s.author.0, s.author.1),
        evaluation::ratio(s.date.0, s.date.1),
        pages.len() as f64 / took.as_secs_f64()
    );
    for held in [false, true] {
        let (pp, oo): (Vec<_>, Vec<_>) = pages
            .iter()
            .zip(&outputs)
            .filter(|(p, _)| evaluation::held_out(&p.file) == held)
            .map(|(p, o)| (p.clone(), o.clone()))
            .unzip();
        let s = evaluation::score(&pp, &oo);
        println!(
            "{} pages {} P {:.4} R {:.4} F1 {:.4} | date {:.3}",
            if held { "held-out" } else { "development" },
            s.pages,
            s.precision(),
            s.recall(),
            s.f1(),
            evaluation::ratio(s.date.0, s.date.1)
        );
    }
    let show = |flag: &str| args.iter().any(|a| a == flag);
    let all = show("--all");
    for (p, o) in pages.iter().zip(&outputs) {
        if !all && evaluation::held_out(&p.file) {
            continue;
        }
        let text = normalise_space(&o.text);
        if show("--misses") {
            let missed: Vec<&String> =
                p.with.iter().filter(|w| !text.contains(normalise_space(w).as_str())).collect();
            let extra: Vec<&String> =
                p.without.iter().filter(|w| text.contains(normalise_space(w).as_str())).collect();
            if !missed.is_empty() || !extra.is_empty() {
                println!(
                    "{}\tFN {}\tFP {}\tlen {}",
                    p.file,
                    serde_json::json!(missed),
                    serde_json::json!(extra),
                    text.len()
                );
            }
        }
        if show("--dates") {
            if let Some(g) = &p.date {
                let ours = o.date.as_deref().unwrap_or("");
                if ours.get(..10).unwrap_or(ours) != g {
                    println!("{}\tgold {:?}\tours {:?}\t{}", p.file, g, ours, o.date_from);
                }
            }
        }
        if show("--titles") {
            if let Some(g) = &p.title {
                if g.to_lowercase().split_whitespace().collect::<Vec<_>>()
                    != o.title.as_deref().unwrap_or("").to_lowercase().split_whitespace().collect::<Vec<_>>()
                {
                    println!("{}\tgold {:?}\tours {:?}", p.file, g, o.title);
                }
            }
        }
        if show("--authors") {
            if let Some(g) = &p.author {
                if evaluation::author_key(g) != evaluation::author_key(&o.authors.join("; ")) {
                    println!("{}\tgold {:?}\tours {:?}", p.file, g, o.authors);
                }
            }
        }
    }
}
