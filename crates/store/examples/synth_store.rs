//! Build a store with annotations of realistic number and spread on top of real texts, for
//! query-latency benchmarks while the pipeline does not yet produce every annotation.
//!
//! Reads the texts and metadata of an existing store (e.g. one made by `newsgraph ingest` on
//! the benchmark corpus) and writes each document again into a new store with, per document,
//! 8–16 entities whose names follow a Zipf law over 20,000 people and 300 places or groups,
//! 4–10 quotations, 6–14 claims over the seven source kinds and 2–8 events among 150 actor
//! codes. Spans fall on word boundaries of the real text. Benchmark data only: the
//! annotations are random, not analysis.
//!
//! `cargo run --release -p newsgraph-store --example synth_store -- FROM.db TO.db`

use newsgraph_model::*;
use newsgraph_store::questions::Period;
use newsgraph_store::Store;
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// Zipf-like: index i with probability about 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0).floor() as usize % n
    }
}

const KINDS: [SourceKind; 7] = [
    SourceKind::NamedPerson,
    SourceKind::NamedPerson,
    SourceKind::NamedOrganisation,
    SourceKind::Anonymous,
    SourceKind::UnnamedGroup,
    SourceKind::Document,
    SourceKind::Unspecified,
];

fn annotate(doc: &mut Document, rng: &mut Rng, countries: &[String]) {
    let words: Vec<Span> = {
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in doc.text.char_indices().chain(std::iter::once((doc.text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    spans.push(Span::new(s, i));
                    start = None;
                }
                _ => {}
            }
        }
        spans
    };
    if words.len() < 40 {
        return;
    }
    let phrase = |rng: &mut Rng, len: usize| {
        let i = rng.below(words.len() - len);
        words[i].cover(words[i + len - 1])
    };
    for e in 0..rng.between(8, 16) {
        let person = e % 3 != 0;
        let name =
            if person { format!("Person {}", rng.zipf(20_000)) } else { format!("Place {}", rng.zipf(300)) };
        let kind = if person { EntityKind::Person } else { EntityKind::Gpe };
        let mut mentions = Vec::new();
        for _ in 0..rng.between(1, 4) {
            mentions.push(doc.mentions.len() as u32);
            let span = words[rng.below(words.len())];
            doc.mentions.push(Mention { span, kind: MentionKind::Name, label: kind, entity: Some(e as u32) });
        }
        let actor = (!person).then(|| countries[rng.zipf(countries.len())].clone());
        doc.entities.push(Entity { name, kind, mentions, descriptors: vec![], actor });
    }
    let n_entities = doc.entities.len();
    for _ in 0..rng.between(6, 14) {
        let kind = KINDS[rng.below(KINDS.len())];
        let entity = matches!(kind, SourceKind::NamedPerson | SourceKind::NamedOrganisation)
            .then(|| rng.below(n_entities) as u32);
        let content = phrase(rng, 12);
        let cue = words[rng.below(words.len())];
        doc.attributions.push(Attribution {
            content,
            cue: Some(cue),
            source: Source {
                entity,
                mention: Some(words[rng.below(words.len())]),
                kind,
                anonymous: kind == SourceKind::Anonymous,
            },
            ..Attribution::default()
        });
    }
    for _ in 0..rng.between(4, 10) {
        let a = rng.below(doc.attributions.len());
        let speaker = Some((rng.below(n_entities) / 3 * 3 + 1).min(n_entities - 1) as u32);
        doc.quotes.push(Quote {
            span: phrase(rng, 10),
            kind: QuoteKind::Direct,
            cue: None,
            speaker,
            speaker_mention: None,
            attribution: Some(a as u32),
        });
    }
    for _ in 0..rng.between(2, 8) {
        let code = |rng: &mut Rng| {
            let c = &countries[rng.zipf(countries.len())];
            if rng.below(3) == 0 {
                format!("{c}GOV")
            } else {
                c.clone()
            }
        };
        let goldstein = (rng.below(200) as f32 - 100.0) / 10.0;
        doc.events.push(Event {
            source: EventActor { code: code(rng), ..EventActor::default() },
            target: Some(EventActor { code: code(rng), ..EventActor::default() }),
            cameo: format!("{:02}{}", 1 + rng.below(20), rng.below(10)),
            goldstein,
            quad_class: 1 + rng.below(4) as u8,
            plover: "CONSULT".into(),
            cue: words[rng.below(words.len())],
            ..Event::default()
        });
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else { return Err("usage: synth_store FROM.db TO.db".into()) };
    let source = Store::open_read_only(Path::new(from))?;
    let mut target = Store::open(Path::new(to))?;
    let countries: Vec<String> = (0..150)
        .map(|i| {
            format!(
                "{}{}{}",
                (b'A' + (i / 26 / 26 % 26) as u8) as char,
                (b'A' + (i / 26 % 26) as u8) as char,
                (b'A' + (i % 26) as u8) as char
            )
        })
        .collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut n = 0u64;
    source.for_each_batch(&Period::default(), 500, |mut docs| {
        for doc in &mut docs {
            doc.mentions.clear();
            doc.entities.clear();
            doc.quotes.clear();
            doc.attributions.clear();
            doc.events.clear();
            annotate(doc, &mut rng, &countries);
        }
        n += docs.len() as u64;
        target.write_documents(docs)?;
        Ok(())
    })?;
    println!("synth_store: {n} documents written to {to}");
    Ok(())
}
