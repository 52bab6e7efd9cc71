//! Reader for PolNeAR: news texts with attribution relations in BRAT standoff format.
//!
//! Each `.ann` file holds one annotator's attributions for one text (`T` lines are spans,
//! `E` lines link `Attribution`, `Content`, `Cue` and `Source` spans; discontinuous spans are
//! written `s e;s e`). Offsets count characters of the text.

use crate::EvalError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A `[start, end)` range of characters.
pub type CharRange = (u32, u32);

/// One annotated attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// Content pieces.
    pub content: Vec<CharRange>,
    /// Source pieces (empty when the annotator marked no source).
    pub source: Vec<CharRange>,
    /// Cue pieces.
    pub cue: Vec<CharRange>,
}

/// One text and every annotator's attributions for it.
#[derive(Clone, Debug, Default)]
pub struct GoldDocument {
    /// File stem of the text.
    pub name: String,
    /// The text.
    pub text: String,
    /// One list of attributions per annotation file.
    pub annotations: Vec<Vec<GoldAttribution>>,
}

/// Read a PolNeAR split directory (`text/*.txt`, `attributions/*.ann`).
pub fn load(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        return Err(EvalError::MissingData(format!(
            "{} does not look like a PolNeAR split (expected text/ and attributions/)",
            dir.display()
        )));
    }
    let mut docs: Vec<GoldDocument> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for path in sorted_files(&text_dir, "txt")? {
        let name = stem(&path);
        let text = std::fs::read_to_string(&path).map_err(|e| EvalError::io(&path, e))?;
        by_name.insert(name.clone(), docs.len());
        docs.push(GoldDocument { name, text, annotations: Vec::new() });
    }
    for path in sorted_files(&ann_dir, "ann")? {
        // `<text name>_<annotator>.ann`
        let stem = stem(&path);
        let Some((name, _annotator)) = stem.rsplit_once('_') else { continue };
        let Some(&i) = by_name.get(name) else { continue };
        let ann = std::fs::read_to_string(&path).map_err(|e| EvalError::io(&path, e))?;
        docs[i].annotations.push(parse_ann(&ann));
    }
    docs.retain(|d| !d.annotations.is_empty());
    Ok(docs)
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

/// Parse one BRAT `.ann` file into attributions.
pub fn parse_ann(ann: &str) -> Vec<GoldAttribution> {
    let mut spans: HashMap<&str, Vec<CharRange>> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            // "Content 115 290" or "Content 1 5;7 9"
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let ranges = offsets
                .split(';')
                .filter_map(|piece| {
                    let mut it = piece.split_whitespace();
                    let s = it.next()?.parse().ok()?;
                    let e = it.next()?.parse().ok()?;
                    (e >= s).then_some((s, e))
                })
                .collect();
            spans.insert(id, ranges);
        } else if id.starts_with('E') {
            events.push(body.split_whitespace().filter_map(|arg| arg.split_once(':')).collect());
        }
    }
    events
        .into_iter()
        .map(|args| {
            let mut a = GoldAttribution::default();
            for (role, target) in args {
                let ranges = spans.get(target).cloned().unwrap_or_default();
                match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Content" => a.content.extend(ranges),
                    "Source" => a.source.extend(ranges),
                    "Cue" => a.cue.extend(ranges),
                    _ => {}
                }
            }
            a
        })
        .filter(|a| !a.content.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spans_and_relations() {
        let ann = "T1\tSource 0 3\tThe\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;25 30\tx\nT4\tAttribution 4 8\tsaid\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tContent 40 50\ty\nT6\tAttribution 51 55\tz\n\
                   E2\tAttribution:T6 Content:T5\n";
        let gold = parse_ann(ann);
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].content, [(10, 20), (25, 30)]);
        assert_eq!(gold[0].source, [(0, 3)]);
        assert_eq!(gold[0].cue, [(4, 8)]);
        assert!(gold[1].source.is_empty());
    }

    #[test]
    fn missing_directory_is_a_clear_error() {
        let err = load(Path::new("/nonexistent/polnear/dev")).unwrap_err();
        assert!(err.to_string().contains("PolNeAR"));
    }
}
