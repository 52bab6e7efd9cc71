//! Development aid: print the main text and metadata our extractor reads from HTML files.
//! `show_page FILE…`

use newsgraph_ingest::html;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let page = html::extract(&bytes, &html::Hints::default());
        println!("== {path}\ntitle {:?} date {:?} ({})", page.title, page.published, page.published_from);
        println!("{}\n", page.text);
    }
}
