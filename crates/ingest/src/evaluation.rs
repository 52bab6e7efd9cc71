//! Main-text extraction evaluation on the trafilatura benchmark
//! (`../shared/data/extraction/trafilatura-eval.tar.gz`), scored the way its authors score it.
//!
//! The metric: each page lists segments that must appear in the extracted text (`with`)
//! and segments that must not (`without`). A segment counts as present if it occurs in the
//! output after whitespace normalisation (runs of whitespace become one space). Counts are
//! pooled over all pages: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their
//! harmonic mean. Metadata is scored by exact match where the benchmark gives a value (an
//! empty gold value expects nothing to be found):
//! - title: whitespace collapsed, case ignored;
//! - author: names split at `;`, `,`, `&`, `/`, " and ", " und ", a leading "by"/"von"
//!   dropped, whitespace collapsed, case ignored, compared as sets;
//! - date: the `YYYY-MM-DD` part.
//!
//! Speed is pages per second on one core over the pages already in memory (decode, parse,
//! main text and metadata). The peer, trafilatura, runs in one Python process over the same
//! pages and reports its own extraction time. This module is for the evaluation command,
//! not for tests: it needs the data set and, for the peer, the Python environment.

use crate::html;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The data set is not there.
    #[error("evaluation data not found at {0} (it lives in ../shared/data/extraction; see ../shared/data/README.md)")]
    MissingData(PathBuf),
    /// Reading the archive failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `evaldata.json` is not as expected.
    #[error("bad evaldata.json: {0}")]
    Format(String),
    /// The peer could not be run or its output not read.
    #[error("peer failed: {0}")]
    Peer(String),
}

/// One benchmark page and its gold annotations.
#[derive(Clone, Debug, Default)]
pub struct EvalPage {
    /// File name in the archive.
    pub file: String,
    /// The page's address.
    pub url: String,
    /// Raw bytes.
    pub html: Vec<u8>,
    /// Segments that must be found.
    pub with: Vec<String>,
    /// Segments that must not be found.
    pub without: Vec<String>,
    /// Gold title (`None`: not annotated).
    pub title: Option<String>,
    /// Gold author(s).
    pub author: Option<String>,
    /// Gold date.
    pub date: Option<String>,
}

/// What an extractor returned for one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Output {
    /// Main text.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Date (ISO 8601).
    pub date: Option<String>,
    /// Where the date came from, if the extractor says.
    pub date_from: String,
}

/// Scores over the pages `keep` selects (for example the held-out fifth, [`held_out`]).
pub fn score_where(pages: &[EvalPage], outputs: &[Output], keep: impl Fn(&EvalPage) -> bool) -> Scores {
    let mut scores = Scores::default();
    for (page, out) in pages.iter().zip(outputs) {
        if keep(page) {
            score_page(page, out, &mut scores);
        }
    }
    scores
}

/// Whether a page is in the held-out check set: one page in five, chosen by a 64-bit FNV-1a
/// hash of its file name (fixed, so every run and machine agrees). The benchmark has no split
/// of its own; rules are developed on the other pages and the held-out figure is reported
/// beside the pooled one.
pub fn held_out(file: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in file.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(5)
}

/// Read the benchmark archive.
pub fn load(path: &Path) -> Result<Vec<EvalPage>, EvalError> {
    if !path.exists() {
        return Err(EvalError::MissingData(path.to_path_buf()));
    }
    let io_err = |source| EvalError::Io { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)));
    let mut files: HashMap<String, Vec<u8>> = HashMap::new();
    let mut evaldata = None;
    for entry in archive.entries().map_err(io_err)? {
        let mut entry = entry.map_err(io_err)?;
        let name = entry.path().map_err(io_err)?.to_string_lossy().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(io_err)?;
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        if base == "evaldata.json" {
            evaldata = Some(bytes);
        } else if !bytes.is_empty() {
            files.insert(base, bytes);
        }
    }
    let evaldata = evaldata.ok_or_else(|| EvalError::Format("no evaldata.json in the archive".into()))?;
    let json: serde_json::Map<String, Value> =
        serde_json::from_slice(&evaldata).map_err(|e| EvalError::Format(e.to_string()))?;
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    };
    let mut pages = Vec::new();
    for (url, item) in json {
        let file = item.get("file").and_then(Value::as_str).unwrap_or("").to_string();
        let Some(html) = files.remove(&file) else {
            return Err(EvalError::Format(format!("page {file} listed but not in the archive")));
        };
        pages.push(EvalPage {
            file,
            url,
            html,
            with: strings(item.get("with")),
            without: strings(item.get("without")),
            title: item.get("title").and_then(Value::as_str).map(str::to_string),
            author: item.get("author").and_then(Value::as_str).map(str::to_string),
            date: item.get("date").and_then(Value::as_str).map(str::to_string),
        });
    }
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(pages)
}

/// CPU time used so far by this thread (user + system), from `/proc`; `None` elsewhere.
pub fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // Linux reports these in clock ticks of 1/100 s.
    Some(Duration::from_millis((utime + stime) * 10))
}

/// Run our extractor over the pages on this thread; returns outputs and the time taken
/// (wall clock). See [`run_ours_timed`] for CPU time too.
pub fn run_ours(pages: &[EvalPage]) -> (Vec<Output>, Duration) {
    let (outputs, wall, _) = run_ours_timed(pages);
    (outputs, wall)
}

/// Run our extractor over the pages on this thread; returns outputs, wall-clock time and
/// CPU time (when the platform reports it).
pub fn run_ours_timed(pages: &[EvalPage]) -> (Vec<Output>, Duration, Option<Duration>) {
    let cpu_start = thread_cpu_time();
    let start = Instant::now();
    let outputs = pages
        .iter()
        .map(|p| {
            let page = html::extract(&p.html, &html::Hints { url: Some(&p.url), content_type: None });
            Output {
                text: page.text,
                title: page.title,
                authors: page.authors,
                date: page.published,
                date_from: page.published_from.to_string(),
            }
        })
        .collect();
    let wall = start.elapsed();
    let cpu = match (cpu_start, thread_cpu_time()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (outputs, wall, cpu)
}

/// Run trafilatura (through `script`, with `python`) over the pages in one process; returns
/// its outputs and the extraction time it measured itself.
pub fn run_peer(
    pages: &[EvalPage],
    python: &Path,
    script: &Path,
) -> Result<(Vec<Output>, Duration), EvalError> {
    run_peer_timed(pages, python, script).map(|(o, t)| (o, t.wall))
}

/// What the peer reported about its own run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeerTime {
    /// Wall-clock time inside the extraction loop.
    pub wall: Duration,
    /// CPU time of the Python process inside the loop (`time.process_time`).
    pub cpu: Option<Duration>,
}

/// [`run_peer`] with CPU time as well.
pub fn run_peer_timed(
    pages: &[EvalPage],
    python: &Path,
    script: &Path,
) -> Result<(Vec<Output>, PeerTime), EvalError> {
    let dir = std::env::temp_dir().join(format!("newsgraph-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| EvalError::Peer(e.to_string()))?;
    let result = (|| {
        let mut manifest = String::new();
        for (i, p) in pages.iter().enumerate() {
            let path = dir.join(format!("{i}.html"));
            std::fs::write(&path, &p.html).map_err(|e| EvalError::Peer(e.to_string()))?;
            manifest.push_str(&serde_json::json!({"id": i, "path": path, "url": p.url}).to_string());
            manifest.push('\n');
        }
        let mut child = std::process::Command::new(python)
            .arg(script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| EvalError::Peer(format!("cannot start {}: {e}", python.display())))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(manifest.as_bytes()).map_err(|e| EvalError::Peer(e.to_string()))?;
        }
        let stdout = child.stdout.take().ok_or_else(|| EvalError::Peer("no output".into()))?;
        let mut outputs = vec![Output::default(); pages.len()];
        let mut seconds = None;
        let mut cpu_seconds = None;
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.map_err(|e| EvalError::Peer(e.to_string()))?;
            let v: Value =
                serde_json::from_str(&line).map_err(|e| EvalError::Peer(format!("bad output line: {e}")))?;
            if let Some(s) = v.get("seconds").and_then(Value::as_f64) {
                seconds = Some(s);
                cpu_seconds = v.get("cpu_seconds").and_then(Value::as_f64);
                continue;
            }
            let Some(i) =
                v.get("id").and_then(Value::as_u64).map(|i| i as usize).filter(|i| *i < pages.len())
            else {
                continue;
            };
            let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string).filter(|s| !s.is_empty());
            outputs[i] = Output {
                text: s("text").unwrap_or_default(),
                title: s("title"),
                authors: s("author")
                    .map(|a| a.split(';').map(|x| x.trim().to_string()).collect())
                    .unwrap_or_default(),
                date: s("date"),
                date_from: String::new(),
            };
        }
        let status = child.wait().map_err(|e| EvalError::Peer(e.to_string()))?;
        if !status.success() {
            return Err(EvalError::Peer(format!("{} exited with {status}", script.display())));
        }
        let seconds = seconds.ok_or_else(|| EvalError::Peer("no timing line".into()))?;
        Ok((
            outputs,
            PeerTime {
                wall: Duration::from_secs_f64(seconds),
                cpu: cpu_seconds.map(Duration::from_secs_f64),
            },
        ))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Pooled scores of one extractor.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// `with` segments found.
    pub true_positives: usize,
    /// `with` segments missed.
    pub false_negatives: usize,
    /// `without` segments found.
    pub false_positives: usize,
    /// `without` segments correctly absent.
    pub true_negatives: usize,
    /// Title matches and pages with a gold title.
    pub title: (usize, usize),
    /// Author matches and pages with gold authors.
    pub author: (usize, usize),
    /// Date matches and pages with a gold date.
    pub date: (usize, usize),
    /// Title, author and date matches and pages, only where the gold value is not empty. The
    /// benchmark leaves the field empty on many pages that plainly have one (a government news
    /// page with `title: ""`), so an empty value reads as "not annotated" at least as often as
    /// "the page has none"; both counts are printed.
    pub given: [(usize, usize); 3],
    /// Pages scored.
    pub pages: usize,
}

impl Scores {
    /// TP / (TP + FP).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }
    /// TP / (TP + FN).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Whitespace runs to one space, trimmed.
pub fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn title_key(s: &str) -> String {
    normalise_space(s).to_lowercase()
}

/// Author names as a sorted set of normalised names.
pub fn author_key(s: &str) -> Vec<String> {
    let lower = format!(" {} ", s.to_lowercase());
    let unified = lower.replace(" and ", ";").replace(" und ", ";").replace(['&', ',', '/'], ";");
    let mut names: Vec<String> = unified
        .split(';')
        .map(|n| {
            let n = normalise_space(n);
            let n = n.strip_prefix("by ").or_else(|| n.strip_prefix("von ")).unwrap_or(&n).to_string();
            n.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
        })
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Score one page's output into `scores`.
pub fn score_page(page: &EvalPage, out: &Output, scores: &mut Scores) {
    let text = normalise_space(&out.text);
    for seg in &page.with {
        if text.contains(normalise_space(seg).as_str()) {
            scores.true_positives += 1;
        } else {
            scores.false_negatives += 1;
        }
    }
    for seg in &page.without {
        if text.contains(normalise_space(seg).as_str()) {
            scores.false_positives += 1;
        } else {
            scores.true_negatives += 1;
        }
    }
    let mut count = |field: usize, gold: &str, hit: bool| {
        let all = match field {
            0 => &mut scores.title,
            1 => &mut scores.author,
            _ => &mut scores.date,
        };
        all.1 += 1;
        all.0 += usize::from(hit);
        if !gold.trim().is_empty() {
            scores.given[field].1 += 1;
            scores.given[field].0 += usize::from(hit);
        }
    };
    if let Some(gold) = &page.title {
        let ours = out.title.as_deref().unwrap_or("");
        count(0, gold, title_key(gold) == title_key(ours));
    }
    if let Some(gold) = &page.author {
        count(1, gold, author_key(gold) == author_key(&out.authors.join("; ")));
    }
    if let Some(gold) = &page.date {
        let ours = out.date.as_deref().unwrap_or("");
        let day = |s: &str| s.get(..10).unwrap_or(s).to_string();
        count(2, gold, day(gold.trim()) == day(ours.trim()));
    }
    scores.pages += 1;
}

/// Score all pages.
pub fn score(pages: &[EvalPage], outputs: &[Output]) -> Scores {
    let mut s = Scores::default();
    for (p, o) in pages.iter().zip(outputs) {
        score_page(p, o, &mut s);
    }
    s
}

/// The language a page's gold segments are written in (for per-language figures).
pub fn page_language(page: &EvalPage) -> &'static str {
    let sample: String = page.with.join(" ");
    match crate::language::detect(&sample) {
        Some(d) if d.code == "de" => "de",
        Some(d) if d.code == "en" => "en",
        _ => "other",
    }
}

/// Scores per page language (`de`, `en`, `other`), in that order.
pub fn score_by_language(pages: &[EvalPage], outputs: &[Output]) -> Vec<(&'static str, Scores)> {
    let mut out: Vec<(&'static str, Scores)> =
        ["de", "en", "other"].iter().map(|l| (*l, Scores::default())).collect();
    for (p, o) in pages.iter().zip(outputs) {
        let lang = page_language(p);
        if let Some((_, s)) = out.iter_mut().find(|(l, _)| *l == lang) {
            score_page(p, o, s);
        }
    }
    out
}

/// Run the [`crate::Deduplicator`] over the extracted texts of distinct pages: every link it
/// makes is a candidate false positive. Returns `(page, earlier page, distance)`.
pub fn duplicate_links(pages: &[EvalPage], outputs: &[Output]) -> Vec<(String, String, u32)> {
    let mut dedup = crate::Deduplicator::new();
    let mut links = Vec::new();
    for (p, o) in pages.iter().zip(outputs) {
        let mut doc = newsgraph_model::Document::new(p.file.clone(), o.text.clone());
        if let Some(d) = dedup.check(&mut doc) {
            links.push((p.file.clone(), d.of, d.distance));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_out_is_a_fixed_fifth_by_name() {
        let held: Vec<String> = (0..20).map(|i| format!("page{i}.html")).filter(|f| held_out(f)).collect();
        assert_eq!(held, ["page0.html", "page3.html", "page16.html"]);
        assert_eq!((0..1000).filter(|i| held_out(&format!("page{i}.html"))).count(), 210);
    }

    #[test]
    fn segments_are_matched_after_whitespace_normalisation() {
        let page = EvalPage {
            with: vec!["two  words".into(), "missing".into()],
            without: vec!["Impressum".into(), "absent".into()],
            title: Some("A  Title".into()),
            author: Some("Von Ann Lee und Bo Chen".into()),
            date: Some("2020-01-02".into()),
            ..EvalPage::default()
        };
        let out = Output {
            text: "some two\n words here\n\nImpressum".into(),
            title: Some("a title".into()),
            authors: vec!["Bo Chen".into(), "Ann Lee".into()],
            date: Some("2020-01-02T10:00:00Z".into()),
            date_from: String::new(),
        };
        let mut s = Scores::default();
        score_page(&page, &out, &mut s);
        assert_eq!((s.true_positives, s.false_negatives, s.false_positives, s.true_negatives), (1, 1, 1, 1));
        assert_eq!((s.title, s.author, s.date), ((1, 1), (1, 1), (1, 1)));
        assert_eq!(s.given, [(1, 1); 3]);
        assert!((s.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn empty_gold_expects_nothing() {
        let page = EvalPage { author: Some(String::new()), date: Some(String::new()), ..EvalPage::default() };
        let mut s = Scores::default();
        score_page(&page, &Output::default(), &mut s);
        assert_eq!((s.author, s.date), ((1, 1), (1, 1)));
        score_page(&page, &Output { authors: vec!["X".into()], ..Output::default() }, &mut s);
        assert_eq!(s.author, (1, 2));
        // Left out of the count over annotated pages.
        assert_eq!(s.given, [(0, 0); 3]);
        let dated = EvalPage { date: Some("2021-05-06".into()), ..EvalPage::default() };
        score_page(&dated, &Output::default(), &mut s);
        assert_eq!((s.date, s.given[2]), ((2, 3), (0, 1)));
    }
}
