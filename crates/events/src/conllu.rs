//! Documents from CoNLL-U parses: one sentence's words, tags, lemmas and dependency tree
//! written into a [`Document`], so the coder can be run on gold parses.
//!
//! Older Universal Dependencies relation names (v1: `dobj`, `nmod` on a verb, `name`, `neg`,
//! `auxpass`, `nsubjpass`) are mapped to their v2 names, as the engine's parser writes them.
//! It reads one sentence at a time and does no tokenisation of its own.

use newsgraph_model::{DepRel, Document, Sentence, Span, Tag, Token, Upos};

/// Why a CoNLL-U sentence could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

struct Word {
    form: String,
    lemma: String,
    upos: String,
    xpos: String,
    head: usize,
    rel: String,
    space_after: bool,
}

/// Build a document from one CoNLL-U sentence. The text is the words joined by single spaces
/// (none where `SpaceAfter=No`); `text`, when given and equal to that, is kept, otherwise
/// the rebuilt text is used.
pub fn document(id: &str, conllu: &str) -> Result<Document, ConlluError> {
    let mut words: Vec<Word> = Vec::new();
    for (n, line) in conllu.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            return Err(ConlluError { line: n + 1, message: format!("{} fields, expected 10", f.len()) });
        }
        // Multiword token ranges and empty nodes are skipped: the words carry the tree.
        if f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let head = f[6]
            .parse::<usize>()
            .map_err(|_| ConlluError { line: n + 1, message: format!("bad head `{}`", f[6]) })?;
        words.push(Word {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            head,
            rel: f[7].to_string(),
            space_after: !f.get(9).is_some_and(|m| m.contains("SpaceAfter=No")),
        });
    }
    let mut text = String::new();
    let mut doc = Document::new(id, "");
    for (i, w) in words.iter().enumerate() {
        let start = text.len();
        text.push_str(&w.form);
        let mut token = Token::new(Span::new(start, text.len()));
        token.lemma = if w.lemma == "_" { String::new() } else { w.lemma.to_lowercase() };
        token.upos = match w.upos.as_str() {
            "CONJ" => Upos::Cconj,
            other => Upos::parse(other),
        };
        token.tag = Tag::parse(&w.xpos);
        token.head = (w.head > 0 && w.head <= words.len()).then(|| (w.head - 1) as u32);
        doc.tokens.push(token);
        if w.space_after && i + 1 < words.len() {
            text.push(' ');
        }
    }
    // Relations, once heads and tags are known (v1 `nmod` depends on its head's class).
    for (i, w) in words.iter().enumerate() {
        let head_is_verb = w.head > 0
            && words.get(w.head - 1).is_some_and(|h| matches!(h.upos.as_str(), "VERB" | "ADJ" | "AUX"));
        doc.tokens[i].rel = relation(&w.rel, head_is_verb);
    }
    doc.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..words.len() as u32 });
    doc.paragraphs.push(Span::new(0, text.len()));
    doc.text = text;
    Ok(doc)
}

/// A relation name, v1 names mapped to v2.
pub fn relation(name: &str, head_is_verb: bool) -> DepRel {
    let mapped = match name {
        "dobj" => "obj",
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "auxpass" => "aux:pass",
        "name" => "flat",
        "mwe" => "fixed",
        "neg" => "advmod",
        "nmod:agent" => "obl:agent",
        "nmod" if head_is_verb => "obl",
        "nmod:tmod" if head_is_verb => "obl:tmod",
        "nmod:npmod" if head_is_verb => "obl:npmod",
        "dep" => "dep",
        other => other,
    };
    DepRel::parse(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "1\tObama\tObama\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tChina\tChina\tPROPN\tNNP\t_\t2\tdobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

    #[test]
    fn reads_words_tags_and_tree() {
        let doc = document("s", SENTENCE).unwrap();
        assert_eq!(doc.text, "Obama visited China.");
        assert_eq!(doc.tokens.len(), 4);
        assert_eq!(doc.tokens[0].head, Some(1));
        assert_eq!(doc.tokens[1].head, None);
        assert_eq!(doc.tokens[2].rel, DepRel::Obj);
        assert_eq!(doc.tokens[1].lemma, "visit");
        assert_eq!(doc.token_text(2), "China");
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(document("s", "1\tx\n").is_err());
        assert!(document("s", "1\tx\tx\tX\tX\t_\tz\tdep\t_\t_\n").is_err());
        assert_eq!(document("s", "").unwrap().tokens.len(), 0);
    }

    #[test]
    fn v1_relations_are_mapped() {
        assert_eq!(relation("nmod", true), DepRel::Obl);
        assert_eq!(relation("nmod", false), DepRel::Nmod);
        assert_eq!(relation("nsubjpass", false), DepRel::NsubjPass);
    }
}
