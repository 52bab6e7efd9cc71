//! Builds the WordNet word-class lexicon (`newsgraph_nlp::wordnet`) from a WordNet `dict`
//! directory and writes it: `cargo run --release -p newsgraph-nlp --example wordnet_lexicon --
//! DICT_DIR OUT`. `scripts/wordnet-lexicon.sh` fetches WordNet and runs this.

use newsgraph_nlp::wordnet::{flag, Lexicon};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dict, out] = args.as_slice() else {
        eprintln!("usage: wordnet_lexicon DICT_DIR OUT");
        return ExitCode::FAILURE;
    };
    let lexicon = match Lexicon::build(Path::new(dict)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = lexicon.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    let probe = ["Nairobi", "teacher", "walked", "quickly"];
    for w in probe {
        let (low, cap) = lexicon.word(w);
        eprintln!("{w}: lower {:#06x} capitalised {:#06x}", low, cap);
    }
    eprintln!(
        "{} entries, {} bytes -> {out} (word-class bits {:#x})",
        lexicon.len(),
        bytes.len(),
        flag::WORD_CLASS
    );
    ExitCode::SUCCESS
}
