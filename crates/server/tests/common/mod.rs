//! A small store written by hand for the server's tests: two stories with people, claims and
//! events, and one whose text tries to inject markup into the page.

#![allow(dead_code, clippy::unwrap_used)]

use newsgraph_model::{
    Attribution, Document, Entity, EntityKind, Event, EventActor, Mention, MentionKind, Quote, QuoteKind,
    Source, SourceKind, Span,
};
use newsgraph_server::Readers;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const HOSTILE: &str =
    "Mallory wrote <script>window.__xss=1</script> and <img src=x onerror=\"window.__xss=2\"> \
                           in a comment. “<b>bold</b> & sure,” said Eve Doe.";

fn find(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or_else(|| panic!("`{needle}` not in text"));
    Span::new(start, start + needle.len())
}

fn entity(doc: &mut Document, name: &str, kind: EntityKind, words: &str, actor: Option<&str>) -> u32 {
    let e = doc.entities.len() as u32;
    let mut mentions = Vec::new();
    let mut from = 0;
    while let Some(i) = doc.text[from..].find(words) {
        let span = Span::new(from + i, from + i + words.len());
        mentions.push(doc.mentions.len() as u32);
        doc.mentions.push(Mention { span, kind: MentionKind::Name, label: kind, entity: Some(e) });
        from += i + words.len();
    }
    doc.entities.push(Entity {
        name: name.into(),
        kind,
        mentions,
        descriptors: vec![],
        actor: actor.map(Into::into),
    });
    e
}

fn quote(doc: &mut Document, words: &str, cue: &str, speaker: u32, speaker_words: &str) {
    let a = doc.attributions.len() as u32;
    let span = find(&doc.text, words);
    let cue = find(&doc.text, cue);
    let mention = find(&doc.text, speaker_words);
    doc.attributions.push(Attribution {
        content: span,
        cue: Some(cue),
        source: Source {
            entity: Some(speaker),
            mention: Some(mention),
            kind: SourceKind::NamedPerson,
            anonymous: false,
        },
        ..Attribution::default()
    });
    doc.quotes.push(Quote {
        span,
        kind: QuoteKind::Direct,
        cue: Some(cue),
        speaker: Some(speaker),
        speaker_mention: Some(mention),
        attribution: Some(a),
    });
}

fn event(doc: &mut Document, source: &str, target: &str, cameo: &str, goldstein: f32, cue: &str) {
    let cue = find(&doc.text, cue);
    doc.events.push(Event {
        source: EventActor { code: source.into(), ..EventActor::default() },
        target: Some(EventActor { code: target.into(), ..EventActor::default() }),
        cameo: cameo.into(),
        goldstein,
        quad_class: 3,
        plover: "REJECT".into(),
        cue,
        ..Event::default()
    });
}

pub fn documents() -> Vec<Document> {
    let mut a = Document::new(
        "nile-1",
        "Egypt rejected a proposal from Ethiopia on Monday. “We will not accept a fait accompli,” said Amina Farouk, \
         the foreign minister. Diplomats said China was willing to mediate, speaking on condition of anonymity.",
    );
    a.meta.title = Some("Egypt rejects Nile proposal".into());
    a.meta.outlet = Some("Sample Wire".into());
    a.meta.published = Some("2026-03-02".into());
    entity(&mut a, "Egypt", EntityKind::Gpe, "Egypt", Some("EGY"));
    entity(&mut a, "Ethiopia", EntityKind::Gpe, "Ethiopia", Some("ETH"));
    let amina = entity(&mut a, "Amina Farouk", EntityKind::Person, "Amina Farouk", Some("EGYGOV"));
    entity(&mut a, "China", EntityKind::Gpe, "China", Some("CHN"));
    quote(&mut a, "We will not accept a fait accompli", "said", amina, "Amina Farouk");
    a.attributions.push(Attribution {
        content: find(&a.text, "China was willing to mediate"),
        cue: Some(find(&a.text, "said China")),
        source: Source {
            entity: None,
            mention: Some(find(&a.text, "Diplomats")),
            kind: SourceKind::Anonymous,
            anonymous: true,
        },
        ..Attribution::default()
    });
    event(&mut a, "EGY", "ETH", "1222", -4.0, "rejected");

    let mut b = Document::new(
        "nile-2",
        "Ethiopia met Egypt in Cairo on Wednesday. “The talks were useful,” Amina Farouk told reporters.",
    );
    b.meta.title = Some("Nile talks resume".into());
    b.meta.outlet = Some("Daily Planet".into());
    b.meta.published = Some("2026-03-04".into());
    entity(&mut b, "Ethiopia", EntityKind::Gpe, "Ethiopia", Some("ETH"));
    entity(&mut b, "Egypt", EntityKind::Gpe, "Egypt", Some("EGY"));
    let amina = entity(&mut b, "Amina Farouk", EntityKind::Person, "Amina Farouk", None);
    quote(&mut b, "The talks were useful", "told", amina, "Amina Farouk");
    event(&mut b, "ETH", "EGY", "040", 1.0, "met");

    let mut c = Document::new("hostile/<i>id</i>", HOSTILE);
    c.meta.title = Some("<script>window.__xss=3</script>Comment".into());
    c.meta.outlet = Some("<b>Outlet</b>".into());
    c.meta.published = Some("2026-03-05".into());
    let eve = entity(&mut c, "Eve Doe", EntityKind::Person, "Eve Doe", None);
    quote(&mut c, "<b>bold</b> & sure", "said", eve, "Eve Doe");

    vec![a, b, c]
}

/// Write the documents into a new store file in `dir`.
pub fn store(dir: &Path) -> PathBuf {
    let path = dir.join("test.db");
    let mut store = newsgraph_store::Store::open(&path).unwrap();
    store.write_documents(documents()).unwrap();
    path
}

pub fn readers(path: &Path) -> Arc<Readers> {
    Arc::new(Readers::open(path, 2).unwrap())
}
