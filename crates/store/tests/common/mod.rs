//! Documents built by hand for the store's tests: two outlets, two people, anonymous
//! officials, events between China, Russia and the United States over three days.

#![allow(dead_code)]

use newsgraph_model::{
    Attribution, Document, Entity, EntityKind, Event, EventActor, Mention, MentionKind, Quote, QuoteKind,
    Source, SourceKind, Span,
};

/// Byte span of the first occurrence of `needle` (after `from`).
pub fn find(text: &str, needle: &str, from: usize) -> Span {
    let start =
        text[from..].find(needle).map(|i| i + from).unwrap_or_else(|| panic!("`{needle}` not in text"));
    Span::new(start, start + needle.len())
}

pub struct Builder {
    pub doc: Document,
}

impl Builder {
    pub fn new(id: &str, outlet: &str, day: &str, text: &str) -> Builder {
        let mut doc = Document::new(id, text);
        doc.meta.outlet = Some(outlet.into());
        doc.meta.published = Some(day.into());
        doc.meta.title = Some(format!("Story {id}"));
        Builder { doc }
    }

    /// Add an entity with name mentions at each occurrence of the given words.
    pub fn entity(&mut self, name: &str, kind: EntityKind, words: &[&str], actor: Option<&str>) -> u32 {
        let e = self.doc.entities.len() as u32;
        let mut mentions = Vec::new();
        for w in words {
            let mut from = 0;
            while let Some(i) = self.doc.text[from..].find(w) {
                let span = Span::new(from + i, from + i + w.len());
                mentions.push(self.doc.mentions.len() as u32);
                self.doc.mentions.push(Mention {
                    span,
                    kind: MentionKind::Name,
                    label: kind,
                    entity: Some(e),
                });
                from += i + w.len();
            }
        }
        self.doc.entities.push(Entity {
            name: name.into(),
            kind,
            mentions,
            descriptors: vec![],
            actor: actor.map(str::to_string),
        });
        e
    }

    /// A claim with its content, cue and source; a direct quote of the same words if `quote`.
    pub fn claim(
        &mut self,
        content: &str,
        cue: &str,
        source: Option<u32>,
        source_words: &str,
        kind: SourceKind,
        quote: bool,
    ) -> u32 {
        let a = self.doc.attributions.len() as u32;
        let content = find(&self.doc.text, content, 0);
        let cue = find(&self.doc.text, cue, 0);
        let mention = find(&self.doc.text, source_words, 0);
        self.doc.attributions.push(Attribution {
            content,
            cue: Some(cue),
            source: Source {
                entity: source,
                mention: Some(mention),
                kind,
                anonymous: kind == SourceKind::Anonymous,
            },
            ..Attribution::default()
        });
        if quote {
            self.doc.quotes.push(Quote {
                span: content,
                kind: QuoteKind::Direct,
                cue: Some(cue),
                speaker: source,
                speaker_mention: Some(mention),
                attribution: Some(a),
            });
        }
        a
    }

    pub fn event(&mut self, source: &str, target: &str, cameo: &str, goldstein: f32, cue: &str) {
        let cue = find(&self.doc.text, cue, 0);
        self.doc.events.push(Event {
            source: EventActor { entity: None, mention: None, code: source.into() },
            target: Some(EventActor { entity: None, mention: None, code: target.into() }),
            cameo: cameo.into(),
            goldstein,
            quad_class: if goldstein < 0.0 { 3 } else { 1 },
            plover: "CONSULT".into(),
            cue,
            ..Event::default()
        });
    }
}

/// Three stories, one of them syndicated under a second id on another site.
pub fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();

    let mut b = Builder::new(
        "d1",
        "Sample Wire",
        "2026-03-02",
        "China rejected a request from Russia. “We will not send arms,” said Sun Yun. \
         Officials said China was willing to help Russia, speaking on condition of anonymity.",
    );
    let china = b.entity("China", EntityKind::Gpe, &["China"], Some("CHN"));
    b.entity("Russia", EntityKind::Gpe, &["Russia"], Some("RUS"));
    let sun = b.entity("Sun Yun", EntityKind::Person, &["Sun Yun"], None);
    b.claim("We will not send arms", "said", Some(sun), "Sun Yun", SourceKind::NamedPerson, true);
    b.claim("China was willing to help Russia", "said", None, "Officials", SourceKind::Anonymous, false);
    let _ = china;
    b.event("CHNGOV", "RUS", "1222", -4.0, "rejected");
    docs.push(b.doc);

    let mut b = Builder::new(
        "d2",
        "Daily Planet",
        "2026-03-03",
        "Russia met China in Beijing. “Talks were useful,” Sun Yun told reporters. \
         Ana Ribeiro said the meeting was about trade with China.",
    );
    b.entity("Russia", EntityKind::Gpe, &["Russia"], Some("RUS"));
    b.entity("China", EntityKind::Gpe, &["China"], Some("CHN"));
    let sun = b.entity("Sun Yun", EntityKind::Person, &["Sun Yun"], None);
    let ana = b.entity("Ana Ribeiro", EntityKind::Person, &["Ana Ribeiro"], None);
    b.claim("Talks were useful", "told", Some(sun), "Sun Yun", SourceKind::NamedPerson, true);
    b.claim(
        "the meeting was about trade with China",
        "said",
        Some(ana),
        "Ana Ribeiro",
        SourceKind::NamedPerson,
        false,
    );
    b.event("RUS", "CHN", "040", 1.0, "met");
    docs.push(b.doc);

    let mut b = Builder::new(
        "d3",
        "Daily Planet",
        "2026-03-05",
        "The United States criticised China. “This is a mistake,” Ana Ribeiro said. \
         It is said that sanctions on China will follow.",
    );
    b.entity("United States", EntityKind::Gpe, &["United States"], Some("USA"));
    b.entity("China", EntityKind::Gpe, &["China"], Some("CHN"));
    let ana = b.entity("Ana Ribeiro", EntityKind::Person, &["Ana Ribeiro"], None);
    b.claim("This is a mistake", "said", Some(ana), "Ana Ribeiro", SourceKind::NamedPerson, true);
    b.claim("sanctions on China will follow", "is said", None, "It", SourceKind::Unspecified, false);
    b.event("USA", "CHN", "111", -2.0, "criticised");
    docs.push(b.doc);

    // The first story again, syndicated by another outlet under another id.
    let mut copy = docs[0].clone();
    copy.id = "d1-copy".into();
    copy.meta.outlet = Some("Evening Post".into());
    docs.push(copy);
    docs
}
