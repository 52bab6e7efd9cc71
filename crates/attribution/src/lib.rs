//! Attribution: quotations and reported claims, with their cues, sources, speakers, status,
//! channels and nesting.
//!
//! [`Attributor`] reads sentences, tokens, tags, the parse, quotation marks and entities,
//! and writes `quotes` and `attributions`, adding pronoun and description mentions to the
//! entities it resolves speakers to. It works sentence by sentence in text order so that
//! "he" and "the spokesman" can refer back, and then assigns every quotation a speaker:
//! from the attribution that contains it, from the quotation it continues, from the
//! attribution of its sentence, or from the previous speaker when a paragraph is only a
//! quotation.

pub mod cues;
pub mod extract;
pub mod names;
pub mod resolve;
pub mod sources;
pub mod syntax;

use extract::{Found, QuoteMarks};
use newsgraph_model::{
    Attribution, Component, Document, Layer, Mention, Quote, QuoteKind, Source, SourceKind, Span, Status,
};
use resolve::{Memory, Resolved};
use syntax::Syntax;

/// Finds quotations and attributions (see the crate documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct Attributor;

impl Component for Attributor {
    fn name(&self) -> &'static str {
        "attribution"
    }

    /// Tags, the parse and entities are used when an earlier component wrote them; without
    /// them, sources are read from the surface of the sentence.
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Quoted]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Quotes, Layer::Attributions]
    }

    fn annotate(&self, doc: &mut Document) {
        attribute(doc);
    }
}

/// Quotations shorter than this, with no speaker, are taken for scare quotes or titles.
const MIN_UNATTRIBUTED_QUOTE_WORDS: usize = 4;

/// Find the quotations and attributions of a document; replaces `doc.quotes` and
/// `doc.attributions`.
pub fn attribute(doc: &mut Document) {
    doc.quotes.clear();
    doc.attributions.clear();
    let quotes = quote_marks(doc);
    let in_quote = inside_quotes(doc, &quotes);
    let mut memory = Memory::default();
    resolve::learn_genders(doc, &mut memory);

    // Pass 1: attributions sentence by sentence, sources resolved in text order.
    let mut found: Vec<(Found, Resolved)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let candidates = extract::sentence(doc, s, &quotes, &in_quote);
        if candidates.is_empty() {
            continue;
        }
        let syn = Syntax::new(doc, s);
        let sentence_text = outside_quotes_text(&syn, &in_quote);
        for f in candidates {
            let r = resolve::resolve(doc, &syn, f.source, f.source_head, &sentence_text, &mut memory);
            found.push((f, r));
        }
    }

    // Pass 2: attributions, then quotations.
    let mut attributions: Vec<Attribution> = Vec::new();
    let mut quote_of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut new_mentions: Vec<(Span, newsgraph_model::MentionKind, u32)> = Vec::new();
    for (f, r) in &found {
        let index = attributions.len();
        let status =
            if f.hedge.is_some() && f.status == Status::Asserted { Status::Hedged } else { f.status };
        attributions.push(Attribution {
            content: f.content,
            cue: Some(f.cue),
            source: Source { entity: r.entity, mention: r.mention, kind: r.kind, anonymous: r.anonymous },
            via: f.via,
            status,
            hedge: f.hedge,
            parent: None,
        });
        for &q in &f.quotes {
            if quote_of[q].is_none() {
                quote_of[q] = Some(index);
            }
        }
        if let (Some((span, kind)), Some(e)) = (r.new_mention, r.entity) {
            new_mentions.push((span, kind, e));
        }
    }
    assign_quotes(doc, &quotes, &mut quote_of, &mut attributions, &found);
    set_parents(&mut attributions);
    add_mentions(doc, new_mentions);

    // Quotations, in text order.
    for (q, marks) in quotes.iter().enumerate() {
        let content = doc.quoted[marks.index].content;
        let attribution = quote_of[q];
        let source = attribution.and_then(|a| attributions.get(a)).map(|a| &a.source);
        let speaker = source.and_then(|s| s.entity);
        if attribution.is_none() && word_count(doc.slice(content)) < MIN_UNATTRIBUTED_QUOTE_WORDS {
            continue;
        }
        doc.quotes.push(Quote {
            span: trim_span(doc, content),
            kind: quote_kind(doc, marks),
            cue: attribution.and_then(|a| attributions[a].cue),
            speaker,
            speaker_mention: source.and_then(|s| s.mention),
            attribution: attribution.map(|a| a as u32),
        });
    }
    // Reported speech without quotation marks is an indirect quotation.
    let mut quoted_attribution = vec![false; attributions.len()];
    for q in &doc.quotes {
        if let Some(a) = q.attribution.and_then(|a| quoted_attribution.get_mut(a as usize)) {
            *a = true;
        }
    }
    for (a, attribution) in attributions.iter().enumerate() {
        let has_quote = quoted_attribution[a];
        let speech = matches!(attribution.status, Status::Asserted | Status::Denied | Status::Hedged);
        if !has_quote && speech && attribution.cue != Some(attribution.content) {
            doc.quotes.push(Quote {
                span: attribution.content,
                kind: QuoteKind::Indirect,
                cue: attribution.cue,
                speaker: attribution.source.entity,
                speaker_mention: attribution.source.mention,
                attribution: Some(a as u32),
            });
        }
    }
    doc.quotes.sort_by_key(|q| (q.span.start, q.span.end));
    doc.attributions = attributions;
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Content without surrounding spaces.
fn trim_span(doc: &Document, span: Span) -> Span {
    let text = doc.slice(span);
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    Span { start: span.start + lead as u32, end: span.end - trail as u32 }
}

/// Depth-0 quotations with the tokens of their marks.
fn quote_marks(doc: &Document) -> Vec<QuoteMarks> {
    let mut out: Vec<QuoteMarks> = Vec::new();
    let mut by_index: Vec<Option<usize>> = vec![None; doc.quoted.len()];
    for (i, q) in doc.quoted.iter().enumerate() {
        if q.depth != 0 || doc.tokens.is_empty() {
            continue;
        }
        let open = doc.token_at_or_after(q.open.start).min(doc.tokens.len() - 1);
        let close = match q.close {
            Some(c) => doc.token_at_or_after(c.start),
            None => doc.token_at_or_after(q.content.end).saturating_sub(1),
        }
        .min(doc.tokens.len() - 1)
        .max(open);
        by_index[i] = Some(out.len());
        out.push(QuoteMarks { index: i, open, close, continues: None, continued_by: None });
    }
    for k in 0..out.len() {
        let continues =
            doc.quoted[out[k].index].continues.and_then(|c| by_index.get(c as usize).copied().flatten());
        out[k].continues = continues;
        if let Some(p) = continues {
            out[p].continued_by = Some(k);
        }
    }
    out
}

fn inside_quotes(doc: &Document, quotes: &[QuoteMarks]) -> Vec<bool> {
    let mut flags = vec![false; doc.tokens.len()];
    for q in quotes {
        for f in flags.iter_mut().take(q.close + 1).skip(q.open) {
            *f = true;
        }
    }
    flags
}

fn outside_quotes_text(syn: &Syntax, in_quote: &[bool]) -> String {
    let mut text = String::new();
    for (t, &quoted) in in_quote.iter().enumerate().take(syn.end).skip(syn.start) {
        if !quoted {
            text.push_str(syn.word(t));
            text.push(' ');
        }
    }
    text
}

fn quote_kind(doc: &Document, q: &QuoteMarks) -> QuoteKind {
    let Some(s) = doc.tokens.get(q.open).and_then(|t| doc.sentence_at(t.span.start)) else {
        return QuoteKind::Direct;
    };
    let sentence = &doc.sentences[s];
    let starts_clause = q.open == sentence.tokens.start as usize
        || matches!(doc.token_text(q.open.saturating_sub(1) as u32), "," | ":" | "—" | "–" | "(");
    let content = doc.slice(doc.quoted[q.index].content);
    let ends_clause = content.trim_end().ends_with(['.', '!', '?', ',', '…'])
        || q.close + 1
            >= doc
                .sentences
                .get(doc.sentence_at(doc.tokens[q.close].span.start).unwrap_or(s))
                .map(|x| x.tokens.end as usize)
                .unwrap_or(0);
    if starts_clause && ends_clause {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

fn paragraph_of(doc: &Document, offset: u32) -> usize {
    doc.paragraphs.partition_point(|p| p.end <= offset)
}

/// Give every quotation not yet assigned an attribution: along continuation links, from
/// its sentence's attribution, or from the previous speaker.
fn assign_quotes(
    doc: &Document,
    quotes: &[QuoteMarks],
    quote_of: &mut [Option<usize>],
    attributions: &mut Vec<Attribution>,
    found: &[(Found, Resolved)],
) {
    // Continuations share their chain's attribution, in both directions.
    for _ in 0..2 {
        for q in 0..quotes.len() {
            if quote_of[q].is_none() {
                let linked =
                    quotes[q].continues.into_iter().chain(quotes[q].continued_by).find_map(|p| quote_of[p]);
                quote_of[q] = linked;
            }
        }
    }
    let mut last: Option<(usize, usize)> = None; // (attribution, paragraph)
    for q in 0..quotes.len() {
        let marks = &quotes[q];
        let start = doc.tokens[marks.open].span.start;
        let paragraph = paragraph_of(doc, start);
        if let Some(a) = quote_of[q] {
            last = Some((a, paragraph));
            continue;
        }
        // An attribution in the same sentence (a partial quotation in a reported sentence).
        let s = doc.sentence_at(start);
        let in_sentence = s.map(|s| {
            found.partition_point(|(f, _)| f.sentence < s)..found.partition_point(|(f, _)| f.sentence <= s)
        });
        let nearest = in_sentence
            .into_iter()
            .flatten()
            .min_by_key(|&i| (found[i].0.cue_token as i64 - marks.open as i64).unsigned_abs());
        if let Some(a) = nearest {
            quote_of[q] = Some(a);
            last = Some((a, paragraph));
            continue;
        }
        // A quotation standing alone continues the previous speaker, in the same or the
        // next paragraph.
        if let Some((a, p)) = last {
            let alone = quote_alone(doc, marks);
            if alone && paragraph <= p + 1 && attributions[a].source.entity.is_some() {
                let source = attributions[a].source.clone();
                let index = attributions.len();
                attributions.push(Attribution {
                    content: doc.quoted[marks.index].content,
                    cue: None,
                    source: Source { mention: None, ..source },
                    via: None,
                    status: Status::Asserted,
                    hedge: None,
                    parent: None,
                });
                quote_of[q] = Some(index);
                last = Some((index, paragraph));
            }
        }
    }
}

/// True if nothing but the quotation (and punctuation) is in its sentences.
fn quote_alone(doc: &Document, q: &QuoteMarks) -> bool {
    let Some(s) = doc.sentence_at(doc.tokens[q.open].span.start) else { return false };
    let Some(e) = doc.sentence_at(doc.tokens[q.close].span.start) else { return false };
    let first = doc.sentences[s].tokens.start as usize;
    let last = doc.sentences[e].tokens.end as usize;
    (first..q.open)
        .chain(q.close + 1..last)
        .all(|t| !doc.token_text(t as u32).chars().any(char::is_alphanumeric))
}

/// An attribution whose cue lies inside another's content is nested in it.
fn set_parents(attributions: &mut [Attribution]) {
    // Candidates are the attributions whose content starts at or before the cue, nearest
    // first; looking at a bounded number keeps this linear on long documents.
    const WINDOW: usize = 64;
    let mut by_start: Vec<usize> = (0..attributions.len()).collect();
    by_start.sort_by_key(|&i| attributions[i].content.start);
    for a in 0..attributions.len() {
        let Some(cue) = attributions[a].cue else { continue };
        let upto = by_start.partition_point(|&i| attributions[i].content.start <= cue.start);
        let parent = by_start[upto.saturating_sub(WINDOW)..upto]
            .iter()
            .copied()
            .filter(|&b| {
                b != a
                    && attributions[b].content.contains(cue)
                    && attributions[b].content != attributions[a].content
            })
            .min_by_key(|&b| attributions[b].content.len());
        attributions[a].parent = parent.map(|p| p as u32);
    }
}

/// Add pronoun and description mentions to their entities, keeping `doc.mentions` in text
/// order.
fn add_mentions(doc: &mut Document, new: Vec<(Span, newsgraph_model::MentionKind, u32)>) {
    if new.is_empty() {
        return;
    }
    let mut taken: std::collections::HashSet<Span> = doc.mentions.iter().map(|m| m.span).collect();
    for (span, kind, entity) in new {
        if !taken.insert(span) {
            continue;
        }
        let label = doc.entities.get(entity as usize).map(|e| e.kind).unwrap_or_default();
        doc.mentions.push(Mention { span, kind, label, entity: Some(entity) });
    }
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    for e in &mut doc.entities {
        e.mentions.clear();
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(e) = m.entity.and_then(|e| doc.entities.get_mut(e as usize)) {
            e.mentions.push(i as u32);
        }
    }
}

/// Kind of source as a label, for tests and summaries.
pub fn kind_label(kind: SourceKind) -> &'static str {
    kind.as_str()
}
