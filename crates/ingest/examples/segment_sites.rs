//! Development aid: for every benchmark segment of the development pages (held-out pages
//! skipped), where it sits (`removed`, `outside`, `filtered`, `absent`), whether it must be
//! found (`with`) or not (`without`), whether we output it, and the first removed ancestor.
//! TSV to stdout. `segment_sites [TARBALL]`

use newsgraph_ingest::evaluation::{self, normalise_space};
use newsgraph_ingest::html::{dom::Dom, main_text};

fn main() {
    let path =
        std::env::args().nth(1).unwrap_or_else(|| "../shared/data/extraction/trafilatura-eval.tar.gz".into());
    let pages = match evaluation::load(path.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let (outputs, _) = evaluation::run_ours(&pages);
    for (p, o) in pages.iter().zip(&outputs) {
        if evaluation::held_out(&p.file) {
            continue;
        }
        let text = normalise_space(&o.text);
        let decoded = newsgraph_ingest::charset::decode_html(&p.html, None);
        let dom = Dom::parse(&decoded.text);
        for (kind, segs) in [("with", &p.with), ("without", &p.without)] {
            for seg in segs {
                let found = text.contains(normalise_space(seg).as_str());
                let (cat, what) = main_text::explain(&dom, o.title.as_deref(), seg);
                let first_removed =
                    what.split(" > ").find(|e| e.contains(" X]")).unwrap_or("").replace(['\n', '\t'], " ");
                println!(
                    "{}\t{kind}\t{found}\t{cat}\t{}\t{}",
                    p.file,
                    first_removed.chars().take(150).collect::<String>(),
                    seg.replace(['\n', '\t'], " ").chars().take(80).collect::<String>()
                );
            }
        }
    }
}
