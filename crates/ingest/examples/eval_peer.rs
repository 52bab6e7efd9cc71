//! Score trafilatura on the benchmark with our scorer (development helper; the evaluation
//! command does the same with `--peer`).

use newsgraph_ingest::evaluation;

fn main() {
    let pages = match evaluation::load("../shared/data/extraction/trafilatura-eval.tar.gz".as_ref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    match evaluation::run_peer(
        &pages,
        ".venv-peers/bin/python".as_ref(),
        "eval/peers/trafilatura_extract.py".as_ref(),
    ) {
        Ok((outputs, took)) => {
            let s = evaluation::score(&pages, &outputs);
            println!(
                "trafilatura P {:.4} R {:.4} F1 {:.4} | title {:.3} author {:.3} date {:.3} | {:.1} pages/s",
                s.precision(),
                s.recall(),
                s.f1(),
                evaluation::ratio(s.title.0, s.title.1),
                evaluation::ratio(s.author.0, s.author.1),
                evaluation::ratio(s.date.0, s.date.1),
                pages.len() as f64 / took.as_secs_f64()
            );
            let out: Vec<String> = outputs
                .iter()
                .zip(&pages)
                .map(|(o, p)| serde_json::json!({"file": p.file, "text": o.text, "title": o.title, "authors": o.authors, "date": o.date}).to_string())
                .collect();
            let _ = std::fs::write("/tmp/ingest-trafilatura-out.jsonl", out.join("\n"));
        }
        Err(e) => eprintln!("{e}"),
    }
}
