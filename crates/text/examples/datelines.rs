//! Print the dateline found at the head of each paragraph of a text read from standard input,
//! one a line with its paragraph number (a check of what the sentence splitter cuts off).
//!
//! `cargo run -p newsgraph-text --example datelines < article.txt`

use newsgraph_text::{dateline, paragraphs, tokenize};
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let text = newsgraph_text::normalize::normalize(&text);
    let mut found = 0;
    for (n, paragraph) in paragraphs::paragraphs(&text).into_iter().enumerate() {
        let mut tokens = Vec::new();
        tokenize::tokenize_into(&text, paragraph, &mut tokens);
        if let Some(d) = dateline::find(&text, &tokens) {
            let end = tokens[d.separator].end as usize;
            println!("{n}\t{}", &text[paragraph.start as usize..end]);
            found += 1;
        }
    }
    eprintln!("{found} datelines");
    Ok(())
}
