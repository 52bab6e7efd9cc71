//! Print every date source each benchmark page offers, beside the gold date, as TSV, for
//! studying which evidence to trust. Development pages only unless `--all` is given
//! (held-out pages, see `evaluation::held_out`, are left out).
//! `cargo run --release -p newsgraph-ingest --example date_study -- [TARBALL] [--all]`

use newsgraph_ingest::{charset, evaluation, html};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/data/extraction/trafilatura-eval.tar.gz".into());
    let all = args.iter().any(|a| a == "--all");
    let pages = match evaluation::load(path.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    for p in &pages {
        let Some(gold) = &p.date else { continue };
        if !all && evaluation::held_out(&p.file) {
            continue;
        }
        let decoded = charset::decode_html(&p.html, None);
        let dom = html::dom::Dom::parse(&decoded.text);
        let evidence = html::metadata::date_evidence(&dom, Some(&p.url));
        let cells: Vec<String> = evidence.iter().map(|(name, d)| format!("{name}={d}")).collect();
        println!("{}\t{}\t{}", p.file, gold, cells.join("\t"));
    }
}
