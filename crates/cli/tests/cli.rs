//! End-to-end tests of the `newsgraph` binary on real files in a temporary directory,
//! including the bad input every stage must survive.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn newsgraph(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn analyses_a_text_file_into_one_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("story.txt"),
        "Talks Resume\n\n“We are ready,” Foreign Minister Karim Haddad said on Tuesday.\n",
    )
    .unwrap();
    let out = newsgraph(&["analyze", "story.txt"], dir.path(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let rec = &recs[0];
    assert_eq!(rec["schema"], "newsgraph/1");
    assert_eq!(rec["id"], "story.txt");
    let quote = &rec["quotes"][0];
    let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    let span = quote["span"].as_array().unwrap();
    let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), "We are ready,");
}

#[test]
fn json_lines_keep_ids_and_a_bad_line_does_not_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.jsonl"),
        "{\"id\": \"a\", \"text\": \"Officials said the talks failed.\"}\n{not json\n{\"id\": \"c\", \"text\": \"It rained.\", \"section\": \"weather\"}\n",
    )
    .unwrap();
    let out = newsgraph(&["analyze", "in.jsonl"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1), "a bad line makes the exit code 1");
    assert!(stderr(&out).contains("in.jsonl:2"), "the error names file and line: {}", stderr(&out));
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(recs[1]["meta"]["section"], "weather");
}

#[test]
fn copies_and_near_copies_are_linked_to_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let story = include_str!("../../../samples/port-strike.txt");
    // The same story on another site: a line of page furniture and a credit line added.
    let near = format!(
        "{}\n\nReporting by A. Writer; editing by B. Editor.",
        story.replacen("\n\n", "\n\nAdvertisement\n\n", 1)
    );
    let lines = [
        serde_json::json!({"id": "wire", "text": story}),
        serde_json::json!({"id": "copy", "text": story}),
        serde_json::json!({"id": "near", "text": near}),
        serde_json::json!({"id": "other", "text": "Farmers said the harvest was the best in a decade."}),
    ];
    let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("in.jsonl"), jsonl).unwrap();
    let out = newsgraph(&["analyze", "in.jsonl"], dir.path(), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let marks: Vec<(String, Option<String>)> = records(&out)
        .iter()
        .map(|r| {
            let of = r["duplicate_of"].as_str().map(str::to_string);
            (r["id"].as_str().unwrap().to_string(), of)
        })
        .collect();
    let wire = Some("wire".to_string());
    assert_eq!(
        marks,
        [("wire".into(), None), ("copy".into(), wire.clone()), ("near".into(), wire), ("other".into(), None)]
    );
}

#[test]
fn petrarch_dictionaries_extend_the_actors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("dict")).unwrap();
    std::fs::write(dir.path().join("dict/test.actors.txt"), "NARNIA_ [NRN]\n+NARNIAN_\n").unwrap();
    let text = "Narnia attacked Turkey on Monday.";
    std::fs::write(dir.path().join("in.txt"), text).unwrap();
    let codes = |out: &Output| -> Vec<String> {
        records(out)[0]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["actor"].as_str().map(str::to_string))
            .collect()
    };
    let plain = newsgraph(&["analyze", "in.txt"], dir.path(), None);
    let extended = newsgraph(&["analyze", "--petrarch-dictionaries", "dict", "in.txt"], dir.path(), None);
    assert_eq!(extended.status.code(), Some(0), "{}", stderr(&extended));
    assert!(!codes(&plain).contains(&"NRN".to_string()), "{:?}", codes(&plain));
    assert!(codes(&extended).contains(&"NRN".to_string()), "{:?}", codes(&extended));

    let missing = newsgraph(&["analyze", "--petrarch-dictionaries", "nowhere", "in.txt"], dir.path(), None);
    assert_ne!(missing.status.code(), Some(0));
    assert!(stderr(&missing).contains("PETRARCH"), "{}", stderr(&missing));
}

#[test]
fn standard_input_and_pretty_view() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsgraph(
        &["analyze", "--pretty", "-"],
        dir.path(),
        Some(
            "Dock workers walked off the job on Monday after talks with the operators collapsed. \
             “No deal, no work,” union leader Marieke de Vries said at the gate of the terminal."
                .as_bytes(),
        ),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let view = String::from_utf8(out.stdout).unwrap();
    assert!(view.contains("Quotations"), "{view}");
    assert!(view.contains("No deal, no work"), "{view}");
}

#[test]
fn unusable_arguments_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsgraph(&["analyze", "--format", "pdf", "x"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown format"), "{}", stderr(&out));
    let out = newsgraph(&["frobnicate"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "A short story. It ends here.").unwrap();
    let out = newsgraph(&["analyze", "missing.txt", "ok.txt"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn empty_binary_and_invalid_utf8_inputs_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let junk: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(dir.path().join("junk.txt"), &junk).unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 owners said \xabno\xbb. \xff\xfe").unwrap();
    let out = newsgraph(&["analyze", "empty.txt", "junk.txt", "latin1.txt"], dir.path(), None);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(matches!(out.status.code(), Some(0) | Some(1)), "{err}");
    // Whatever could be read is written as valid records; nothing vanishes without a word.
    let recs = records(&out);
    for name in ["empty.txt", "junk.txt", "latin1.txt"] {
        let written = recs.iter().any(|r| r["id"] == name);
        assert!(written || err.contains(name), "{name} neither written nor reported: {err}");
    }
}

#[test]
fn thousands_of_unbalanced_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(if i % 3 == 0 { "“He said " } else { "” and \" she said: " });
    }
    std::fs::write(dir.path().join("quotes.txt"), text).unwrap();
    let out = newsgraph(&["analyze", "quotes.txt"], dir.path(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let diagnostics = recs[0]["diagnostics"].as_array().unwrap();
    assert!(
        !diagnostics.is_empty() && diagnostics.len() < 50,
        "diagnostics are capped: {}",
        diagnostics.len()
    );
}

#[test]
fn a_large_document_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "“The talks will go on,” the minister said on Monday, according to officials. ";
    let text = paragraph.repeat(40_000); // about 3 MB in one paragraph
    std::fs::write(dir.path().join("big.txt"), text).unwrap();
    let out = newsgraph(&["analyze", "big.txt"], dir.path(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let direct = recs[0]["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "direct").count();
    assert_eq!(direct, 40_000);
}
