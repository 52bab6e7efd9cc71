//! An article's text cut into pieces that each carry the annotations covering them, so the
//! page can highlight quotations, speakers, claims, cues and events even where they overlap.
//!
//! Offsets come from the stored record (characters); slicing goes through byte offsets and
//! never panics on a bad span: a span outside the text is clamped to it.

use newsgraph_model::wire::{CharSpan, Record};
use newsgraph_model::CharIndex;

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Quoted words.
    Quote,
    /// The words of an attributed claim.
    Claim,
    /// A reporting verb or phrase.
    Cue,
    /// The words naming a speaker or source.
    Speaker,
    /// The words expressing an event.
    Event,
    /// A mention of an entity (linked to its page).
    Mention,
}

impl Mark {
    /// CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Quote => "quote",
            Mark::Claim => "claim",
            Mark::Cue => "cue",
            Mark::Speaker => "speaker",
            Mark::Event => "event",
            Mark::Mention => "mention",
        }
    }
}

#[derive(Clone, Debug)]
struct Annotation {
    start: u32,
    end: u32,
    mark: Mark,
    title: String,
    link: Option<String>,
}

/// A run of text with the same annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The words (not escaped).
    pub text: &'a str,
    /// Annotations covering them, in a fixed order.
    pub marks: Vec<Mark>,
    /// Descriptions of those annotations, for a tooltip.
    pub titles: Vec<String>,
    /// The page of the entity mentioned here, if any.
    pub link: Option<String>,
}

fn entity_name(record: &Record, id: &Option<String>) -> Option<String> {
    let id = id.as_ref()?;
    record.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone())
}

fn annotations(record: &Record) -> Vec<Annotation> {
    let mut out = Vec::new();
    let mut add = |span: Option<CharSpan>, mark: Mark, title: String, link: Option<String>| {
        if let Some([start, end]) = span {
            if start < end {
                out.push(Annotation { start, end, mark, title, link });
            }
        }
    };
    for q in &record.quotes {
        let speaker = entity_name(record, &q.speaker).unwrap_or_else(|| "an unresolved speaker".into());
        add(Some(q.span), Mark::Quote, format!("{} quotation by {speaker}", q.kind), None);
        add(q.speaker_mention, Mark::Speaker, format!("speaker: {speaker}"), None);
        add(q.cue, Mark::Cue, "reporting cue".into(), None);
    }
    for a in &record.attributions {
        let source = entity_name(record, &a.source.entity)
            .or_else(|| a.source.mention.map(|m| slice(record, m).to_string()))
            .unwrap_or_else(|| "no named source".into());
        let kind = a.source.kind.replace('_', " ");
        add(
            Some(a.content),
            Mark::Claim,
            format!("claim ({}) resting on {source} ({kind})", a.status.replace('_', " ")),
            None,
        );
        add(a.cue, Mark::Cue, "reporting cue".into(), None);
        add(a.source.mention, Mark::Speaker, format!("source: {source} ({kind})"), None);
    }
    for v in &record.events {
        let target = v.target.as_ref().map(|t| t.actor.as_str()).unwrap_or("");
        add(
            Some(v.cue),
            Mark::Event,
            format!(
                "event {} {}: {} → {} (Goldstein {:+.1})",
                v.cameo, v.plover, v.source.actor, target, v.goldstein
            ),
            None,
        );
    }
    for e in &record.entities {
        for m in &e.mentions {
            add(Some(m.span), Mark::Mention, format!("{} ({})", e.name, e.kind), Some(e.name.clone()));
        }
    }
    out
}

fn slice(record: &Record, span: CharSpan) -> &str {
    CharIndex::new(&record.text).bytes(span).text(&record.text)
}

/// Cut the record's text into pieces at every annotation boundary.
pub fn pieces(record: &Record) -> Vec<Piece<'_>> {
    let index = CharIndex::new(&record.text);
    let n_chars = index.char_offset(record.text.len() as u32);
    let annotations: Vec<Annotation> = annotations(record)
        .into_iter()
        .map(|mut a| {
            a.start = a.start.min(n_chars);
            a.end = a.end.min(n_chars);
            a
        })
        .filter(|a| a.start < a.end)
        .collect();
    let mut bounds: Vec<u32> = vec![0, n_chars];
    for a in &annotations {
        bounds.push(a.start);
        bounds.push(a.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut pieces = Vec::with_capacity(bounds.len());
    for w in bounds.windows(2) {
        let (start, end) = (w[0], w[1]);
        let text = index.bytes([start, end]).text(&record.text);
        if text.is_empty() {
            continue;
        }
        let mut covering: Vec<&Annotation> =
            annotations.iter().filter(|a| a.start <= start && end <= a.end).collect();
        covering.sort_by_key(|a| a.mark);
        let mut marks: Vec<Mark> = covering.iter().map(|a| a.mark).collect();
        marks.dedup();
        let mut titles: Vec<String> = covering.iter().map(|a| a.title.clone()).collect();
        titles.dedup();
        let link = covering.iter().find_map(|a| a.link.clone());
        pieces.push(Piece { text, marks, titles, link });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::wire::{EntityRecord, MentionRecord, QuoteRecord};

    #[test]
    fn overlapping_annotations_split_the_text() {
        let record = Record {
            text: "“Nein,” said Hü Yun.".into(),
            entities: vec![EntityRecord {
                id: "e1".into(),
                name: "Hü Yun".into(),
                kind: "PERSON".into(),
                mentions: vec![MentionRecord { span: [13, 19], kind: "name".into(), text: "Hü Yun".into() }],
                ..EntityRecord::default()
            }],
            quotes: vec![QuoteRecord {
                id: "q1".into(),
                span: [1, 5],
                kind: "direct".into(),
                cue: Some([8, 12]),
                speaker: Some("e1".into()),
                speaker_mention: Some([13, 19]),
                attribution: None,
            }],
            ..Record::default()
        };
        let pieces = pieces(&record);
        let texts: Vec<&str> = pieces.iter().map(|p| p.text).collect();
        assert_eq!(texts, ["“", "Nein", ",” ", "said", " ", "Hü Yun", "."]);
        assert_eq!(pieces[1].marks, [Mark::Quote]);
        assert_eq!(pieces[1].titles, ["direct quotation by Hü Yun"]);
        assert_eq!(pieces[5].marks, [Mark::Speaker, Mark::Mention]);
        assert_eq!(pieces[5].link.as_deref(), Some("Hü Yun"));
        assert!(pieces[0].marks.is_empty());
    }

    #[test]
    fn spans_beyond_the_text_are_clamped() {
        let record = Record {
            text: "short".into(),
            quotes: vec![QuoteRecord { span: [2, 900], kind: "direct".into(), ..QuoteRecord::default() }],
            ..Record::default()
        };
        let texts: Vec<&str> = pieces(&record).iter().map(|p| p.text).collect();
        assert_eq!(texts, ["sh", "ort"]);
    }
}
