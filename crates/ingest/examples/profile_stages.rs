//! Development aid: time each stage of HTML extraction over the benchmark pages.

use newsgraph_ingest::{charset, evaluation, html};
use std::time::{Duration, Instant};

fn main() {
    let pages = match evaluation::load("../shared/data/extraction/trafilatura-eval.tar.gz".as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let rounds: usize = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut t = [Duration::ZERO; 4];
    for _ in 0..rounds {
        for p in &pages {
            let a = Instant::now();
            let d = charset::decode_html(&p.html, None);
            let b = Instant::now();
            let dom = html::dom::Dom::parse(&d.text);
            let c = Instant::now();
            let meta = html::metadata::extract(&dom, Some(&p.url));
            let e = Instant::now();
            let body = html::main_text::extract(&dom, meta.title.as_deref());
            let f = Instant::now();
            std::hint::black_box(body);
            t[0] += b - a;
            t[1] += c - b;
            t[2] += e - c;
            t[3] += f - e;
        }
    }
    let total: Duration = t.iter().sum();
    for (name, d) in ["decode", "parse", "metadata", "main text"].iter().zip(t) {
        println!(
            "{name:<10} {:>8.3} s {:>5.1}%",
            d.as_secs_f64(),
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!(
        "total {:.3} s = {:.0} pages/s",
        total.as_secs_f64(),
        (pages.len() * rounds) as f64 / total.as_secs_f64()
    );
}
