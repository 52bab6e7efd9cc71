//! Development driver for the document-level readings (`openers.rs`, `recurring.rs`): builds
//! each EWT and UNER dev document from its sentences, tags, parses and names it with the
//! shipped models sentence by sentence, as `newsgraph eval nlp` does, and then again with the
//! document-level readings the pipeline adds; prints UPOS, UAS and LAS on EWT dev and entity
//! F1 (PER/ORG/LOC) on UNER dev for both, and with `--show` every word or name they change.
//! `cargo run --release -p newsgraph-nlp --example documents_dev -- DATA_DIR [--show]`.

use newsgraph_model::{Document, Sentence, Span, Tag, Token, Upos};
use newsgraph_nlp::conllu::TreebankSentence;
use newsgraph_nlp::eval::scored_label;
use newsgraph_nlp::ner::{iob_spans, Recognizer};
use newsgraph_nlp::openers::retag_openers;
use newsgraph_nlp::parser::Parser;
use newsgraph_nlp::recurring::{add_recurring, split_joined_people, Found};
use newsgraph_nlp::tagger::Tagger;
use newsgraph_nlp::train::{ewt, uner, Split};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

#[allow(dead_code)] // shared with the other drivers; this one needs only the tagger
mod common;

/// A treebank document as the pipeline would see it: its sentences' words, tagged sentence
/// by sentence.
struct Built {
    doc: Document,
    sentences: Vec<Range<usize>>,
}

fn build(sentences: &[&TreebankSentence], tagger: &Tagger) -> Built {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut ranges = Vec::new();
    for s in sentences {
        let first = tokens.len();
        for w in &s.words {
            let start = text.len();
            text.push_str(&w.form);
            tokens.push(Token { span: Span::new(start, text.len()), ..Token::default() });
            text.push(' ');
        }
        text.push('\n');
        ranges.push(first..tokens.len());
    }
    let mut doc = Document::new("dev", &text);
    doc.tokens = tokens;
    for r in ranges.iter().filter(|r| !r.is_empty()) {
        let span = doc.tokens[r.start].span.cover(doc.tokens[r.end - 1].span);
        doc.sentences.push(Sentence { span, tokens: r.start as u32..r.end as u32 });
    }
    for r in &ranges {
        let tags = tagger.predict(&words(&doc, r));
        for (t, (upos, tag)) in doc.tokens[r.clone()].iter_mut().zip(tags) {
            t.upos = upos;
            t.tag = tag;
        }
    }
    Built { doc, sentences: ranges }
}

fn words<'a>(doc: &'a Document, range: &Range<usize>) -> Vec<&'a str> {
    doc.tokens[range.clone()].iter().map(|t| doc.slice(t.span)).collect()
}

/// The documents of a split, in order.
fn documents(sentences: &[TreebankSentence]) -> Vec<Vec<&TreebankSentence>> {
    let mut docs: Vec<Vec<&TreebankSentence>> = Vec::new();
    for s in sentences {
        if s.new_doc.is_some() || docs.is_empty() {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(s);
        }
    }
    docs
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").map(|at| args.remove(at)).is_some();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!("usage: documents_dev DATA_DIR [--show]");
        return ExitCode::FAILURE;
    };
    let (treebank, names) = match (ewt(&data, Split::Dev), uner(&data, Split::Dev)) {
        (Ok(t), Ok(n)) => (t, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot read EWT/UNER dev under {}: {e}", data.display());
            return ExitCode::FAILURE;
        }
    };
    let lexicon = newsgraph_nlp::wordnet::Lexicon::load_default();
    let models = common::load_tagger(None, lexicon.as_ref()).and_then(|t| {
        let parser = Parser::load_default().ok_or("shipped parser damaged")?;
        let recognizer = Recognizer::load_default().ok_or("shipped recogniser damaged")?;
        Ok((t, parser, recognizer))
    });
    let (tagger, parser, recognizer) = match models {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let recognizer = match lexicon {
        Some(l) => recognizer.with_wordnet(l),
        None => recognizer,
    };

    // Tags and trees: sentence by sentence, then with the openers' retagging.
    let (mut n, mut retagged) = (0usize, 0usize);
    let (mut upos, mut uas, mut las) = ([0usize; 2], [0usize; 2], [0usize; 2]);
    for sentences in documents(&treebank) {
        let Built { mut doc, sentences: ranges } = build(&sentences, &tagger);
        let before: Vec<(Upos, Tag)> = doc.tokens.iter().map(|t| (t.upos, t.tag)).collect();
        retagged += retag_openers(&mut doc, &ranges);
        let after: Vec<(Upos, Tag)> = doc.tokens.iter().map(|t| (t.upos, t.tag)).collect();
        for (s, r) in sentences.iter().zip(&ranges) {
            let forms = s.forms();
            for (k, tags) in [&before, &after].into_iter().enumerate() {
                let arcs = parser.predict(&forms, &tags[r.clone()]);
                for ((w, &(u, _)), (head, rel)) in s.words.iter().zip(&tags[r.clone()]).zip(arcs) {
                    upos[k] += usize::from(u == w.upos);
                    if w.head.checked_sub(1) == head {
                        uas[k] += 1;
                        las[k] += usize::from(rel == w.rel);
                    }
                }
            }
            n += s.words.len();
            for (i, w) in (r.clone()).zip(&s.words) {
                if show && before[i] != after[i] {
                    println!(
                        "retag {} {:?} -> {:?} (gold {:?}) | {}",
                        w.form, before[i].0, after[i].0, w.upos, s.text
                    );
                }
            }
        }
    }
    let pc = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    println!(
        "EWT dev by document ({n} words, {retagged} retagged): UPOS {:.3} -> {:.3}, UAS {:.3} -> {:.3}, LAS {:.3} -> {:.3}",
        pc(upos[0]),
        pc(upos[1]),
        pc(uas[0]),
        pc(uas[1]),
        pc(las[0]),
        pc(las[1])
    );

    // Names: sentence by sentence on the sentence-by-sentence tags, then as the pipeline
    // does (retagged openers, recurring names).
    let (mut gold_n, mut predicted, mut correct, mut added) = (0usize, [0usize; 2], [0usize; 2], 0usize);
    for sentences in documents(&names) {
        let Built { mut doc, sentences: ranges } = build(&sentences, &tagger);
        let mut gold = Vec::new();
        for (s, r) in sentences.iter().zip(&ranges) {
            let labels: Vec<&str> = s.words.iter().map(|w| w.ner.as_str()).collect();
            gold.extend(
                iob_spans(&labels)
                    .into_iter()
                    .filter(|g| g.2 != "OTH")
                    .map(|(a, b, l)| (r.start + a, r.start + b, l)),
            );
        }
        let recognise = |doc: &Document| -> Vec<Found> {
            let mut found = Vec::new();
            for r in &ranges {
                let upos: Vec<Upos> = doc.tokens[r.clone()].iter().map(|t| t.upos).collect();
                for name in recognizer.predict(&words(doc, r), &upos) {
                    found.push(Found { tokens: r.start + name.start..r.start + name.end, kind: name.kind });
                }
            }
            found
        };
        let plain = recognise(&doc);
        retag_openers(&mut doc, &ranges);
        let mut found = recognise(&doc);
        newsgraph_nlp::name_edges::trim_names(&doc, &ranges, &mut found);
        split_joined_people(&doc, &mut found);
        added += add_recurring(&doc, &ranges, &mut found);
        for (k, names) in [&plain, &found].into_iter().enumerate() {
            for f in names.iter() {
                let Some(label) = scored_label(f.kind) else { continue };
                predicted[k] += 1;
                let right = gold.contains(&(f.tokens.start, f.tokens.end, label.to_string()));
                correct[k] += usize::from(right);
                if show && k == 1 && !plain.contains(f) {
                    let name = words(&doc, &f.tokens).join(" ");
                    println!("name {} {label} [{name}]", if right { "right" } else { "wrong" });
                }
            }
        }
        gold_n += gold.len();
    }
    let f1 = |k: usize| 2.0 * correct[k] as f64 / (predicted[k] + gold_n).max(1) as f64;
    println!(
        "UNER dev by document ({gold_n} gold names; {added} recurring names added): entity F1 {:.4} -> {:.4} (predicted {} -> {}, right {} -> {})",
        f1(0),
        f1(1),
        predicted[0],
        predicted[1],
        correct[0],
        correct[1]
    );
    ExitCode::SUCCESS
}
