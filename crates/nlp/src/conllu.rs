//! A reader for CoNLL-U treebanks (Universal Dependencies) and for the IOB2 files of Universal
//! NER, the two formats the models are trained and evaluated on.
//!
//! Only basic word lines are kept: multiword token ranges (`1-2`) and empty nodes (`1.1`) are
//! skipped, and the enhanced graph (`DEPS`) and features are ignored. Malformed lines are
//! typed errors naming the line; nothing here panics on bad input.

use newsgraph_model::{DepRel, Tag, Upos};
use thiserror::Error;

/// One word of a treebank sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    /// The word as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Tag,
    /// Head as a 1-based word number, 0 for the root.
    pub head: u32,
    /// Relation to the head.
    pub rel: DepRel,
    /// False when `SpaceAfter=No`.
    pub space_after: bool,
    /// Named-entity label in IOB2 (`B-PER`, `I-LOC`, `O`), when read from a UNER file.
    pub ner: String,
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreebankSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`: the raw sentence.
    pub text: String,
    /// `# newdoc id`, on the first sentence of each document.
    pub new_doc: Option<String>,
    /// True on the first sentence of a paragraph (`# newpar`).
    pub new_par: bool,
    /// Its words.
    pub words: Vec<Word>,
}

impl TreebankSentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// A line that could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct FormatError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> FormatError {
    FormatError { line, message: message.into() }
}

/// Parse a CoNLL-U file.
pub fn read_conllu(text: &str) -> Result<Vec<TreebankSentence>, FormatError> {
    read(text, Format::Conllu)
}

/// Parse a Universal NER IOB2 file (`index  form  label  …`, comments as in CoNLL-U).
pub fn read_iob2(text: &str) -> Result<Vec<TreebankSentence>, FormatError> {
    read(text, Format::Iob2)
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Conllu,
    Iob2,
}

fn read(text: &str, format: Format) -> Result<Vec<TreebankSentence>, FormatError> {
    let mut out = Vec::new();
    let mut current = TreebankSentence::default();
    let mut started = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if started && !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            started = false;
            continue;
        }
        started = true;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(v) = comment.strip_prefix("sent_id =") {
                current.id = v.trim().to_string();
            } else if let Some(v) = comment.strip_prefix("text =") {
                current.text = v.trim().to_string();
            } else if let Some(v) = comment.strip_prefix("newdoc id =") {
                current.new_doc = Some(v.trim().to_string());
            } else if comment == "newdoc" {
                current.new_doc = Some(String::new());
            } else if comment.starts_with("newpar") {
                current.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let index: usize = id.parse().map_err(|_| err(line_no, format!("bad word index `{id}`")))?;
        if index != current.words.len() + 1 {
            return Err(err(line_no, format!("word {index} out of order")));
        }
        let word = match format {
            Format::Conllu => {
                if cols.len() != 10 {
                    return Err(err(line_no, format!("expected 10 columns, found {}", cols.len())));
                }
                let head = match cols[6] {
                    "_" => 0,
                    h => h.parse().map_err(|_| err(line_no, format!("bad head `{h}`")))?,
                };
                Word {
                    form: cols[1].to_string(),
                    lemma: cols[2].to_string(),
                    upos: Upos::parse(cols[3]),
                    xpos: Tag::parse(cols[4]),
                    head,
                    rel: DepRel::parse(cols[7]),
                    space_after: !cols[9].split('|').any(|m| m == "SpaceAfter=No"),
                    ner: String::new(),
                }
            }
            Format::Iob2 => {
                if cols.len() < 3 {
                    return Err(err(line_no, format!("expected at least 3 columns, found {}", cols.len())));
                }
                Word {
                    form: cols[1].to_string(),
                    ner: cols[2].to_string(),
                    space_after: true,
                    ..Word::default()
                }
            }
        };
        current.words.push(word);
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    for s in &out {
        let n = s.words.len() as u32;
        if let Some(w) = s.words.iter().find(|w| w.head > n) {
            return Err(err(0, format!("sentence `{}`: head {} beyond its {} words", s.id, w.head, n)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# newpar\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_word_lines_and_comments() {
        let s = read_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.id, "s1");
        assert_eq!(s.text, "I don't know.");
        assert_eq!(s.new_doc.as_deref(), Some("d1"));
        assert!(s.new_par);
        assert_eq!(s.forms(), ["I", "do", "n't", "know", "."]);
        assert_eq!(s.words[3].head, 0);
        assert_eq!(s.words[3].rel, DepRel::Root);
        assert!(!s.words[3].space_after);
        assert_eq!(s.words[1].upos, Upos::Aux);
        assert_eq!(s.words[2].lemma, "not");
    }

    #[test]
    fn bad_lines_are_errors() {
        assert_eq!(read_conllu("1\ta\tb\n").unwrap_err().line, 1);
        assert!(read_conllu("x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert!(read_conllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert!(read_conllu("1\ta\ta\tX\tX\t_\t9\troot\t_\t_\n").is_err());
        assert!(read_conllu("").unwrap().is_empty());
    }

    #[test]
    fn reads_iob2() {
        let s = read_iob2("# sent_id = a\n1\tTampa\tB-LOC\t-\tx\n2\tBay\tI-LOC\n3\tis\tO\n\n").unwrap();
        assert_eq!(s[0].words.len(), 3);
        assert_eq!(s[0].words[1].ner, "I-LOC");
    }
}
