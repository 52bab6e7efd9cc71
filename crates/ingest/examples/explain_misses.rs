//! Development aid: for every benchmark segment our extractor misses (or wrongly keeps),
//! say where it sits in the page: removed as furniture, outside the chosen container,
//! filtered out as a block, or not found as one text node.
//! Held-out pages (`evaluation::held_out`) are skipped unless `--all` is given.
//! `explain_misses [--fp] [--all] [--show CATEGORY]`

use newsgraph_ingest::evaluation::{self, normalise_space};
use newsgraph_ingest::html::{dom::Dom, main_text};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fp = args.iter().any(|a| a == "--fp");
    let all = args.iter().any(|a| a == "--all");
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    let pages = match evaluation::load("../shared/data/extraction/trafilatura-eval.tar.gz".as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let (outputs, _) = evaluation::run_ours(&pages);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (p, o) in pages.iter().zip(&outputs) {
        if !all && evaluation::held_out(&p.file) {
            continue;
        }
        let text = normalise_space(&o.text);
        let segs = if fp { &p.without } else { &p.with };
        let wrong: Vec<&String> =
            segs.iter().filter(|w| text.contains(normalise_space(w).as_str()) == fp).collect();
        if wrong.is_empty() {
            continue;
        }
        let decoded = newsgraph_ingest::charset::decode_html(&p.html, None);
        let dom = Dom::parse(&decoded.text);
        for seg in wrong {
            let (cat, what) = main_text::explain(&dom, o.title.as_deref(), seg);
            *counts.entry(cat).or_default() += 1;
            if show.as_deref() == Some(cat) {
                println!("{} {:?}\n  {}", p.file, seg, what.chars().take(900).collect::<String>());
            }
        }
    }
    println!("{counts:?}");
}
