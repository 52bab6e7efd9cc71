//! Print one line per document or error read from the given inputs: a quick look at what
//! the readers make of a file. `cargo run -p newsgraph-ingest --example read_summary -- FILE…`

fn main() {
    let inputs: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let mut docs = newsgraph_ingest::read(&inputs, &newsgraph_ingest::ReadOptions::default());
    for item in docs.by_ref() {
        match item {
            Ok(d) => println!(
                "ok  {} | {} | {:?} | {:?} | {:?} | {} chars | {:?}",
                d.meta.origin.as_deref().unwrap_or(""),
                d.id,
                d.meta.title,
                d.meta.published,
                d.meta.language,
                d.text.chars().count(),
                d.diagnostics.iter().map(|x| x.message.as_str()).collect::<Vec<_>>()
            ),
            Err(e) => println!("ERR {e}"),
        }
    }
    eprintln!("{:?}", docs.stats());
}
