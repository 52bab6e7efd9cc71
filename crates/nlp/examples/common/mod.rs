//! What the development drivers share: the file of cached jackknifed tags and option parsing.

use newsgraph_model::{Tag, Upos};
use std::path::Path;

/// Tags of every training sentence: `upos:penn` class indexes, one sentence per line.
pub type Tags = Vec<Vec<(Upos, Tag)>>;

/// The cached tags, if the file is there and readable.
pub fn read_cache(path: &Path) -> Option<Tags> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    for line in text.lines() {
        let mut sentence = Vec::new();
        for pair in line.split_whitespace() {
            let (u, t) = pair.split_once(':')?;
            sentence.push((Upos::from_index(u.parse().ok()?), Tag::from_index(t.parse().ok()?)));
        }
        out.push(sentence);
    }
    Some(out)
}

/// Write the tags for the next run.
pub fn write_cache(path: &Path, tags: &Tags) -> std::io::Result<()> {
    let mut text = String::new();
    for s in tags {
        let words: Vec<String> = s.iter().map(|(u, t)| format!("{}:{}", u.index(), t.index())).collect();
        text.push_str(&words.join(" "));
        text.push('\n');
    }
    std::fs::write(path, text)
}

/// Remove `name VALUE` from the arguments and return the value.
pub fn take_option(args: &mut Vec<String>, name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    let value = args.get(at + 1).cloned();
    args.drain(at..(at + 2).min(args.len()));
    value
}

/// The tagger to tag dev with: the file given, or the shipped one; given the WordNet lexicon
/// when there is one.
pub fn load_tagger(
    path: Option<&str>,
    wordnet: Option<&std::sync::Arc<newsgraph_nlp::wordnet::Lexicon>>,
) -> Result<newsgraph_nlp::tagger::Tagger, String> {
    use newsgraph_nlp::tagger::Tagger;
    let tagger = match path {
        Some(p) => std::fs::read(p)
            .map_err(|e| e.to_string())
            .and_then(|b| Tagger::from_bytes(&b).map_err(|e| e.to_string()))
            .map_err(|e| format!("cannot read tagger {p}: {e}"))?,
        None => Tagger::load_default().ok_or("shipped tagger damaged")?,
    };
    Ok(match wordnet {
        Some(l) => tagger.with_wordnet(l.clone()),
        None => tagger,
    })
}
