//! Print the sentences and quotations of a text read from standard input.
//!
//! `cargo run -p newsgraph-text --example segment < article.txt`

use newsgraph_model::Document;
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut doc = Document::new("stdin", text);
    newsgraph_text::segment(&mut doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("S{i}\t{}", doc.slice(s.span));
    }
    for q in &doc.quoted {
        println!("Q{}{}\t{}", q.depth, if q.close.is_none() { " (open)" } else { "" }, doc.slice(q.content));
    }
    for d in &doc.diagnostics {
        println!("! {} {}", d.stage, d.message);
    }
    Ok(())
}
