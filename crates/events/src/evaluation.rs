//! Evaluation on the PETRARCH-2 validation set (`petr2_gsr_validation_ud.jsonl`): each record
//! is a news sentence with its expected events (source actor, target actor, CAMEO code).
//!
//! An expected event is found when one of our events in the same sentence has the same CAMEO
//! root and compatible actors on both sides: two actor codes are compatible when the
//! three-letter units of one begin the other's (`USA` and `USAGOV`; `IGOUNO` and
//! `IGOUNOMIL`), PETRARCH's `---` (unknown country) being read as nothing; an unknown side is
//! compatible only with an unknown side. We also report the stricter rates: exact code, and
//! exact actors. Spurious events are our events that match no expected event (every event
//! in a sentence marked "no events" is spurious).
//!
//! The data is read at run time from `../shared/data`; nothing here is needed by the engine.

use crate::actors::units;
use crate::codebook;
use crate::{conllu, ActorCoder, EventCoder};
use newsgraph_model::{Component, Document};
use serde::Deserialize;
use std::path::Path;
use std::time::{Duration, Instant};

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The data file is not there.
    #[error("evaluation data missing: {0} (the PETRARCH-2 validation set is expected under ../shared/data/petrarch2)")]
    MissingData(String),
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A record is not valid JSON of the expected shape.
    #[error("{path} line {line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// Line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One expected event.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldEvent {
    /// Source actor code (`---` for unknown country).
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub code: String,
}

/// One validation record.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldRecord {
    /// Record id.
    pub id: String,
    /// Story date, YYYYMMDD.
    #[serde(default)]
    pub date: String,
    /// The sentence (empty in one record: it is rebuilt from the parse).
    #[serde(default)]
    pub text: String,
    /// Gold Universal Dependencies parse.
    #[serde(default)]
    pub conllu: String,
    /// Expected events.
    #[serde(default)]
    pub expected_events: Vec<GoldEvent>,
}

/// Read the validation file.
pub fn read_validation(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    if !path.exists() {
        return Err(EvalError::MissingData(path.display().to_string()));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|source| EvalError::Io { path: path.display().to_string(), source })?;
    let mut records = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldRecord = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: path.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        records.push(record);
    }
    Ok(records)
}

/// Where the coder's input comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The gold CoNLL-U parse of each sentence (no recogniser, no attribution).
    GoldParse,
    /// The raw text through the full pipeline.
    RawText,
}

/// One predicted event, as scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Predicted {
    /// Source code.
    pub source: String,
    /// Target code ("" when none).
    pub target: String,
    /// CAMEO code.
    pub code: String,
}

/// The outcome on one record.
#[derive(Clone, Debug)]
pub struct RecordResult {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Expected events, each with the index of the predicted event that found it.
    pub expected: Vec<(GoldEvent, Option<usize>)>,
    /// Our events.
    pub predicted: Vec<Predicted>,
}

/// Figures of a run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Records read.
    pub records: usize,
    /// Expected events.
    pub expected: usize,
    /// Expected events found with compatible actors and the right root.
    pub found: usize,
    /// Of those, with exactly the expected code.
    pub exact_code: usize,
    /// Of those, with exactly the expected actor codes.
    pub exact_actors: usize,
    /// Events we produced.
    pub predicted: usize,
    /// Events we produced that match nothing expected.
    pub spurious: usize,
    /// Time spent in the whole pipeline (coding included).
    pub pipeline_time: Duration,
    /// Time spent in actor and event coding alone.
    pub coding_time: Duration,
    /// Per-record outcomes.
    pub results: Vec<RecordResult>,
}

impl Report {
    /// Share of expected events found (0–1).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }

    /// Share of found events with the exact code.
    pub fn exact_code_rate(&self) -> f64 {
        ratio(self.exact_code, self.expected)
    }

    /// Share of our events that are spurious.
    pub fn spurious_rate(&self) -> f64 {
        ratio(self.spurious, self.predicted)
    }

    /// Coding time over the rest of the pipeline's time.
    pub fn coding_overhead(&self) -> f64 {
        let rest = self.pipeline_time.saturating_sub(self.coding_time).as_secs_f64();
        if rest > 0.0 {
            self.coding_time.as_secs_f64() / rest
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// PETRARCH's unknown country (`---`) read as nothing.
fn normalise(code: &str) -> &str {
    code.trim_start_matches('-')
}

/// Two actor codes are compatible when one's three-letter units begin the other's; an empty
/// code only matches an empty code.
pub fn compatible(a: &str, b: &str) -> bool {
    let (a, b) = (normalise(a), normalise(b));
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let (ua, ub) = (units(a), units(b));
    let n = ua.len().min(ub.len());
    ua[..n] == ub[..n]
}

/// Score one record's predictions against its expected events.
pub fn score(expected: &[GoldEvent], predicted: &[Predicted]) -> Vec<Option<usize>> {
    let mut used = vec![false; predicted.len()];
    let mut out = vec![None; expected.len()];
    // Best matches first: exact code and actors, then exact code, then root.
    for pass in 0..3 {
        for (i, g) in expected.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let hit = predicted.iter().enumerate().position(|(j, p)| {
                !used[j]
                    && codebook::root_of(&p.code) == codebook::root_of(&g.code)
                    && compatible(&g.source, &p.source)
                    && compatible(&g.target, &p.target)
                    && match pass {
                        0 => {
                            p.code == g.code
                                && normalise(&g.source) == p.source
                                && normalise(&g.target) == p.target
                        }
                        1 => p.code == g.code,
                        _ => true,
                    }
            });
            if let Some(j) = hit {
                used[j] = true;
                out[i] = Some(j);
            }
        }
    }
    out
}

/// The document a record is analysed as.
pub fn record_document(record: &GoldRecord, input: Input) -> Result<Document, conllu::ConlluError> {
    let mut doc = match input {
        Input::GoldParse => conllu::document(&record.id, &record.conllu)?,
        Input::RawText => {
            let text = if record.text.trim().is_empty() {
                // One record has no text: its words are in the parse.
                conllu::document(&record.id, &record.conllu)?.text
            } else {
                record.text.clone()
            };
            Document::new(record.id.clone(), text)
        }
    };
    if !record.date.is_empty() {
        doc.meta.published = Some(record.date.clone());
    }
    Ok(doc)
}

/// Run the coder on every record and score it. `analyse` is the pipeline for raw text (the
/// engine, coders included); with gold parses it is not called and only the coders run.
pub fn evaluate(
    records: &[GoldRecord],
    input: Input,
    actors: &ActorCoder,
    events: &EventCoder,
    analyse: &dyn Fn(&mut Document),
) -> Report {
    let mut report = Report { records: records.len(), ..Report::default() };
    for record in records {
        let mut doc = match record_document(record, input) {
            Ok(doc) => doc,
            Err(_) => Document::new(record.id.clone(), record.text.clone()),
        };
        let started = Instant::now();
        if input == Input::RawText {
            analyse(&mut doc);
        }
        let mut coded = doc.clone();
        for entity in &mut coded.entities {
            entity.actor = None;
        }
        coded.events.clear();
        let coding_started = Instant::now();
        actors.annotate(&mut coded);
        events.annotate(&mut coded);
        let coding = coding_started.elapsed();
        report.coding_time += coding;
        report.pipeline_time += match input {
            Input::RawText => coding_started.duration_since(started),
            Input::GoldParse => coding,
        };
        let predicted: Vec<Predicted> = coded
            .events
            .iter()
            .map(|e| Predicted {
                source: e.source.code.clone(),
                target: e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
                code: e.cameo.clone(),
            })
            .collect();
        let matches = score(&record.expected_events, &predicted);
        report.expected += record.expected_events.len();
        report.predicted += predicted.len();
        for (g, m) in record.expected_events.iter().zip(&matches) {
            if let Some(j) = m {
                report.found += 1;
                let p = &predicted[*j];
                if p.code == g.code {
                    report.exact_code += 1;
                }
                if normalise(&g.source) == p.source && normalise(&g.target) == p.target {
                    report.exact_actors += 1;
                }
            }
        }
        let used = matches.iter().flatten().count();
        report.spurious += predicted.len() - used;
        report.results.push(RecordResult {
            id: record.id.clone(),
            text: coded.text.clone(),
            expected: record.expected_events.iter().cloned().zip(matches).collect(),
            predicted,
        });
    }
    report
}

/// One event of a worked example's table ("China → Russia | … | 12 Reject (1222 …)").
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleEvent {
    /// The table's own words for the two sides ("China → Russia").
    pub sides: String,
    /// Source actor code read from the words (country or organisation).
    pub source: String,
    /// Target actor code, empty when the event has none.
    pub target: String,
    /// CAMEO root ("12").
    pub root: String,
}

/// Read the events table of a worked example's `.expected.md` (the section "Events between
/// actors": rows `| source → target | what | CAMEO | note |`; `↔` makes two events). Sides are
/// coded with the actor dictionary from the names they give ("China (Xi) → Russia (Putin)" →
/// CHN, RUS).
pub fn example_events(markdown: &str) -> Vec<ExampleEvent> {
    let dictionary = crate::ActorDictionary::builtin();
    let code_of = |words: &str| -> String {
        // The side's own name, before any parenthesis.
        let name = words.split('(').next().unwrap_or("").trim();
        let tokens: Vec<&str> = name.split_whitespace().collect();
        dictionary
            .find_names(&tokens)
            .first()
            .map(|h| dictionary.entry(h.entry).code.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut in_section = false;
    for line in markdown.lines() {
        if line.starts_with('#') {
            in_section = line.to_lowercase().contains("events between actors");
            continue;
        }
        if !in_section || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 3 || cells[0].starts_with("---") || cells[0] == "source → target" {
            continue;
        }
        let digits: String = cells[2].chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() < 2 {
            continue;
        }
        let root = digits[..2].to_string();
        let (pair, both) = match cells[0].split_once('↔') {
            Some((a, b)) => ((a, b), true),
            None => match cells[0].split_once('→') {
                Some((a, b)) => ((a, b), false),
                None => ((cells[0], ""), false),
            },
        };
        let (a, b) = (code_of(pair.0), code_of(pair.1));
        if a.is_empty() {
            continue;
        }
        out.push(ExampleEvent {
            sides: cells[0].to_string(),
            source: a.clone(),
            target: b.clone(),
            root: root.clone(),
        });
        if both {
            out.push(ExampleEvent { sides: cells[0].to_string(), source: b, target: a, root });
        }
    }
    out
}

/// For each example event, whether an event of the document has compatible sides and the same
/// root; a table event without a target matches an event with any target.
pub fn check_example(doc: &Document, expected: &[ExampleEvent]) -> Vec<bool> {
    expected
        .iter()
        .map(|x| {
            doc.events.iter().any(|e| {
                let target = e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("");
                codebook::root_of(&e.cameo) == x.root
                    && compatible(&x.source, &e.source.code)
                    && (x.target.is_empty() || compatible(&x.target, target))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(s: &str, t: &str, c: &str) -> GoldEvent {
        GoldEvent { source: s.into(), target: t.into(), code: c.into() }
    }

    fn ours(s: &str, t: &str, c: &str) -> Predicted {
        Predicted { source: s.into(), target: t.into(), code: c.into() }
    }

    #[test]
    fn example_tables_are_read() {
        let md = "# Title\n## Events between actors (CAMEO codes)\n\
| source → target | what | CAMEO | note |\n|---|---|---|---|\n\
| China → Russia | will not provide weapons | 12 Reject (1222 reject) | x |\n\
| USA (White House) | declined to comment | 011 Decline comment | |\n\
| Ukraine ↔ Russia | summit | 04 Consult (046) | planned |\n## Next\n| Mars → Venus | x | 19 | |\n";
        let events = example_events(md);
        let got: Vec<(&str, &str, &str)> =
            events.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.root.as_str())).collect();
        assert_eq!(
            got,
            [("CHN", "RUS", "12"), ("USA", "", "01"), ("UKR", "RUS", "04"), ("RUS", "UKR", "04")]
        );
    }

    #[test]
    fn actor_compatibility() {
        assert!(compatible("USA", "USAGOV"));
        assert!(compatible("IGOUNOMIL", "IGOUNO"));
        assert!(compatible("---REB", "REB"));
        assert!(compatible("---", ""));
        assert!(!compatible("---", "CHN"));
        assert!(!compatible("GEOOPP", "GEOGOV"));
        assert!(!compatible("USA", "RUS"));
    }

    #[test]
    fn matching_is_one_to_one_and_by_root() {
        let expected = [gold("USA", "RUS", "190"), gold("USA", "RUS", "190")];
        let predicted = [ours("USAGOV", "RUS", "195"), ours("RUS", "USA", "190")];
        let m = score(&expected, &predicted);
        assert_eq!(m, [Some(0), None]);
        let m =
            score(&[gold("CHN", "RUS", "1222")], &[ours("CHN", "RUS", "120"), ours("CHN", "RUS", "1222")]);
        assert_eq!(m, [Some(1)]);
    }
}
