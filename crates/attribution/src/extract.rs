//! Finding attributions in a sentence: the cue, the source phrase, the content, the channel
//! and the hedge.
//!
//! Content is found, in order of trust: a quotation next to the cue ("“…,” Hu said";
//! "saying, “…”"), "according to", a clausal complement in the parse or an explicit "that",
//! a quotation inside the cue's object ("called the situation “disconcerting”"), the part of
//! the sentence before ", X said", and (for strong cues) the rest of the sentence. Cues
//! inside quotations are the speaker's words, not the writer's attributions, and are skipped.

use crate::cues::{self, CueVerb};
use crate::syntax::{is_quote_mark, Syntax};
use newsgraph_model::{DepRel, Document, Span, Status, Tag, Upos};

/// A quotation as the extractor sees it: token positions of its marks.
#[derive(Clone, Debug)]
pub struct QuoteMarks {
    /// Index into `Document::quoted`.
    pub index: usize,
    /// Token of the opening mark (or first content token if the mark was left off).
    pub open: usize,
    /// Token of the closing mark, or last token of the paragraph if left open.
    pub close: usize,
    /// The quotation it continues (index into this list), for multi-paragraph quotations.
    pub continues: Option<usize>,
    /// The quotation that continues it.
    pub continued_by: Option<usize>,
}

/// Indices of the quotations whose opening mark is a token in `[a, b)` (quotations are in
/// text order).
pub fn opening_in(quotes: &[QuoteMarks], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = quotes.partition_point(|q| q.open < a);
    let hi = quotes.partition_point(|q| q.open < b);
    lo..hi.max(lo)
}

/// Indices of the quotations whose closing mark is a token in `[a, b)`.
pub fn closing_in(quotes: &[QuoteMarks], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = quotes.partition_point(|q| q.close < a);
    let hi = quotes.partition_point(|q| q.close < b);
    lo..hi.max(lo)
}

/// An attribution found in one sentence, before speakers are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Sentence index.
    pub sentence: usize,
    /// Cue words.
    pub cue: Span,
    /// Main token of the cue.
    pub cue_token: usize,
    /// Status from the cue.
    pub status: Status,
    /// Tokens `[a, b)` of the phrase that names the source.
    pub source: Option<(usize, usize)>,
    /// Head token of the source phrase.
    pub source_head: Option<usize>,
    /// The claim.
    pub content: Span,
    /// Channel or addressee.
    pub via: Option<Span>,
    /// Hedge word.
    pub hedge: Option<Span>,
    /// Quotations (indices into the `QuoteMarks` list) that make up the content.
    pub quotes: Vec<usize>,
    /// True for a strong cue (say, tell) rather than a weak one (offer, call).
    pub strong: bool,
}

/// What kind of cue.
#[derive(Clone, Copy, Debug, PartialEq)]
enum CueKind {
    Verb(CueVerb),
    According,
    /// "― Name" after a quotation.
    Dash,
}

/// Tokens between a source/cue group and the content that may be skipped.
fn is_glue(word: &str) -> bool {
    matches!(word, "," | ":" | "that" | "—" | "–" | "-" | "―")
}

/// Adverbs and auxiliaries that may stand between a subject and its cue.
fn is_interposed(syn: &Syntax, t: usize) -> bool {
    let w = syn.lower(t);
    // A time phrase between subject and verb ("Xi himself last week called for").
    let temporal = is_temporal(&w)
        && (syn.upos(t) != Upos::Propn
            || matches!(
                w.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            ));
    temporal
        || matches!(syn.upos(t), Upos::Adv | Upos::Aux | Upos::Part)
        || matches!(
            w.as_str(),
            "also"
                | "reportedly"
                | "allegedly"
                | "apparently"
                | "quickly"
                | "further"
                | "previously"
                | "later"
                | "again"
                | "publicly"
                | "recently"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "may"
                | "might"
                | "could"
                | "did"
                | "does"
                | "do"
                | "not"
                | "n't"
                | "is"
                | "was"
                | "were"
                | "are"
                | "been"
                | "being"
                | "himself"
                | "herself"
                | "themselves"
                | "itself"
                | "repeatedly"
                | "once"
                | "often"
                | "privately"
                | "then"
                | "now"
                | "earlier"
                | "separately"
                | "similarly"
                | "flatly"
                | "firmly"
        )
}

/// Find the attributions in sentence `s`.
pub fn sentence(doc: &Document, s: usize, quotes: &[QuoteMarks], in_quote: &[bool]) -> Vec<Found> {
    let syn = Syntax::new(doc, s);
    let mut found = Vec::new();
    if let Some(f) = speaker_label(&syn, s, quotes, in_quote) {
        found.push(f);
    }
    let mut t = syn.start;
    while t < syn.end {
        if in_quote.get(t).copied().unwrap_or(false) {
            t += 1;
            continue;
        }
        if let Some((kind, cue_end)) = cue_at(&syn, t) {
            if let Some(mut f) = build(&syn, s, t, cue_end, kind, quotes, in_quote) {
                // "Liu called the situation … and added, “…”": a conjoined cue shares the
                // subject of the one before it.
                let conjoined = t > syn.start && matches!(syn.lower(t - 1).as_str(), "and" | "but" | "then");
                if conjoined && f.source.is_none() {
                    if let Some(previous) = found.last().filter(|p: &&Found| p.source.is_some()) {
                        f.source = previous.source;
                        f.source_head = previous.source_head;
                    }
                }
                found.push(f);
            }
            t = cue_end.max(t + 1);
        } else {
            t += 1;
        }
    }
    untangle(&syn, &mut found);
    share_subject_with_participles(&syn, &mut found);
    found
}

/// "In an opinion piece … criticizing the move as “too arrogant,” Hu offered that …": a
/// participle with no subject of its own reports for the subject of the sentence's main cue.
fn share_subject_with_participles(syn: &Syntax, found: &mut [Found]) {
    let main = found.iter().position(|f| f.source.is_some() && syn.doc.tokens[f.cue_token].tag != Tag::Vbg);
    let Some(main) = main else { return };
    let (source, head) = (found[main].source, found[main].source_head);
    for f in found.iter_mut() {
        let participle = matches!(syn.doc.tokens[f.cue_token].tag, Tag::Vbg | Tag::Vbn);
        if f.source.is_none() && participle {
            f.source = source;
            f.source_head = head;
        }
    }
}

/// "Officials told allies that China would help, the FT reported." The officials' content
/// runs to the end of the sentence and so contains the FT's cue, while the FT's content
/// (everything before its comma) contains the officials' cue. The FT's report is the outer
/// one: cut the inner content before the outer source and cue.
fn untangle(syn: &Syntax, found: &mut [Found]) {
    for outer in 0..found.len() {
        for inner in 0..found.len() {
            if outer == inner {
                continue;
            }
            let (o, i) = (&found[outer], &found[inner]);
            let mutual = i.content.contains(o.cue) && o.content.contains(i.cue);
            let outer_backward = o.content.end <= o.cue.start;
            if !(mutual && outer_backward) {
                continue;
            }
            let mut cut = o.source.map(|(a, _)| a).unwrap_or(o.cue_token).min(o.cue_token);
            while cut > syn.start && matches!(syn.word(cut - 1), "," | "—" | "–") {
                cut -= 1;
            }
            if cut > syn.start {
                let end = syn.doc.tokens[cut - 1].span.end;
                if end > found[inner].content.start {
                    found[inner].content.end = end.min(found[inner].content.end);
                }
            }
        }
    }
}

/// Words that open a paragraph with a colon without naming a speaker.
fn is_label_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "update"
            | "updated"
            | "note"
            | "editor"
            | "editors"
            | "photo"
            | "photos"
            | "video"
            | "related"
            | "image"
            | "read"
            | "watch"
            | "share"
            | "advertisement"
            | "correction"
            | "disclaimer"
            | "warning"
            | "breaking"
            | "exclusive"
            | "live"
            | "opinion"
            | "analysis"
            | "more"
            | "also"
            | "see"
            | "click"
            | "follow"
            | "subscribe"
            | "sign"
            | "tags"
            | "topics"
            | "filed"
            | "posted"
            | "published"
            | "by"
            | "source"
            | "sources"
            | "credit"
            | "caption"
            | "q"
            | "a"
            | "question"
            | "answer"
            | "here"
            | "this"
            | "why"
            | "what"
            | "how"
            | "when"
            | "where"
            | "who"
            | "listen"
            | "transcript"
            | "summary"
            | "background"
            | "context"
            | "story"
            | "continue"
            | "tip"
            | "contact"
            | "email"
            | "phone"
            | "location"
            | "date"
            | "time"
            | "price"
            | "step"
            | "part"
            | "chapter"
            | "day"
            | "week"
            | "today"
            | "tonight"
            | "now"
    )
}

/// "PENCE: Well, look …" or "Pence: Flowers Won’t Be at Debate" — a short name or noun
/// phrase opening a paragraph and followed by a colon labels the speaker of the rest of
/// the paragraph (transcripts, headlines).
fn speaker_label(syn: &Syntax, s: usize, quotes: &[QuoteMarks], in_quote: &[bool]) -> Option<Found> {
    let doc = syn.doc;
    let sentence_start = doc.tokens.get(syn.start)?.span.start;
    let paragraph = *doc.paragraphs.get(doc.paragraphs.partition_point(|p| p.end <= sentence_start))?;
    if paragraph.start != sentence_start {
        return None;
    }
    // The paragraph may open a quotation ("\"WALLACE: …" in a quoted transcript).
    let first = if is_quote_mark(syn.word(syn.start)) { syn.start + 1 } else { syn.start };
    let colon = (first..(first + 7).min(syn.end)).find(|&u| syn.word(u) == ":")?;
    if colon == first || is_label_word(syn.word(first)) {
        return None;
    }
    if in_quote[colon] && first == syn.start {
        return None;
    }
    let label = first..colon;
    let named = label.clone().any(|u| syn.word(u).chars().next().is_some_and(char::is_uppercase));
    let verb = label.clone().any(|u| {
        matches!(syn.upos(u), Upos::Verb | Upos::Aux | Upos::Sconj | Upos::Adp)
            || cues::verb(syn.word(u)).is_some()
    });
    let digits = label.clone().any(|u| syn.word(u).chars().any(|c| c.is_ascii_digit()));
    if !named || verb || digits {
        return None;
    }
    // The content runs to the end of the paragraph, or is the quotation opening there.
    let last = doc.tokens_in(paragraph).end;
    let (a, b) = (colon + 1, last);
    if b < a + 2 {
        return None;
    }
    let mut f = Found {
        sentence: s,
        cue: syn.span(colon, colon + 1),
        cue_token: colon,
        status: Status::Asserted,
        source: Some((first, colon)),
        source_head: Some(colon - 1),
        content: Span::default(),
        via: None,
        hedge: None,
        quotes: Vec::new(),
        strong: true,
    };
    if let Some(q) = opening_in(quotes, a, a + 1).next() {
        set_quote_content(syn, &mut f, quotes, q, false);
    } else {
        let span = doc.tokens[a].span.cover(doc.tokens[b - 1].span);
        f.content = span;
        f.quotes = quotes_within(quotes, a, b);
    }
    Some(f)
}

/// Is there a cue at token `t`? Returns its kind and the token after the cue words.
fn cue_at(syn: &Syntax, t: usize) -> Option<(CueKind, usize)> {
    let w = syn.word(t);
    if w.eq_ignore_ascii_case("according") && syn.lower(t + 1) == "to" && syn.contains(t + 1) {
        return Some((CueKind::According, t + 2));
    }
    if w == "―" || ((w == "—" || w == "–") && t > syn.start && is_quote_mark(syn.word(t - 1))) {
        let next = t + 1;
        if syn.contains(next)
            && syn.word(next).chars().next().is_some_and(char::is_uppercase)
            && (t == syn.start || is_quote_mark(syn.word(t - 1)))
        {
            return Some((CueKind::Dash, t + 1));
        }
        return None;
    }
    let verb = cues::verb(w)?;
    if !syn.is_verb(t) {
        return None;
    }
    // "think tank", "think tanks": a noun, not a belief.
    if syn.lower(t) == "think" && syn.lower(t + 1).starts_with("tank") {
        return None;
    }
    // "when asked": a passive clause, not the subject's statement.
    if t > syn.start && matches!(syn.lower(t - 1).as_str(), "when" | "if" | "once" | "unless") {
        return None;
    }
    // A negated statement ("it did not specify that …", "he never said …", "would not say
    // whether …") attributes nothing to the subject.
    if is_negated(syn, t) {
        return None;
    }
    // An infinitive of a weak cue ("officials from Ukraine and Russia to discuss a cease-fire")
    // is a plan, not a statement.
    if t > syn.start && syn.lower(t - 1) == "to" && !verb.strong {
        return None;
    }
    // After a determiner it is a noun ("the reports", "their claims").
    if t > syn.start
        && matches!(
            syn.lower(t - 1).as_str(),
            "the" | "a" | "an" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "such" | "any"
        )
    {
        return None;
    }
    // Part of a compound adjective ("so-called", "self-described").
    if t > syn.start && matches!(syn.word(t - 1), "-" | "‐") {
        return None;
    }
    // A word that is only a verb when tagged so, not capitalised mid-sentence ("Said").
    if t > syn.start && w.chars().next().is_some_and(char::is_uppercase) && syn.upos(t) == Upos::Unknown {
        return None;
    }
    // A verb joined to a refusal ("declined to comment or offer details") is refused too: the
    // refusal's own attribution covers it.
    if t > syn.start + 1 && matches!(syn.lower(t - 1).as_str(), "or" | "nor" | "and") {
        let from = t.saturating_sub(10).max(syn.start);
        let refused = (from..t - 1)
            .any(|u| matches!(cues::verb(syn.word(u)).map(|v| v.lemma), Some("decline" | "refuse")));
        if refused && !(from..t - 1).any(|u| matches!(syn.word(u), "." | ";" | ":")) {
            return None;
        }
    }
    let mut end = t + 1;
    match verb.lemma {
        "decline" | "refuse" => {
            let comment = (t + 1..(t + 4).min(syn.end)).find(|&u| cues::is_comment_word(syn.word(u)))?;
            end = comment + 1;
        }
        "call" => {
            if matches!(syn.lower(t + 1).as_str(), "for" | "on" | "upon") {
                end = t + 2;
            }
        }
        "point" => {
            if syn.lower(t + 1) != "out" {
                return None;
            }
            end = t + 2;
        }
        _ => {}
    }
    Some((CueKind::Verb(verb), end))
}

fn is_negation(word: &str) -> bool {
    matches!(word, "not" | "n't" | "never" | "Not" | "Never")
}

/// The verb at `t` is negated: a negation attached to it by the parse, or just before it
/// (with at most one adverb between: "did not publicly say"). "Not only said" is not a negation.
fn is_negated(syn: &Syntax, t: usize) -> bool {
    let negation = |u: usize| is_negation(syn.word(u)) && syn.lower(u + 1) != "only";
    if syn.children(t).iter().any(|&c| c < t && negation(c)) {
        return true;
    }
    let before = |k: usize| t >= syn.start + k && negation(t - k);
    before(1) || (before(2) && matches!(syn.upos(t - 1), Upos::Adv))
}

#[allow(clippy::too_many_arguments)]
fn build(
    syn: &Syntax,
    s: usize,
    t: usize,
    cue_end: usize,
    kind: CueKind,
    quotes: &[QuoteMarks],
    in_quote: &[bool],
) -> Option<Found> {
    let (status, strong) = match kind {
        CueKind::Verb(v) => (v.status, v.strong),
        CueKind::According | CueKind::Dash => (Status::Asserted, true),
    };
    let cue = syn.span(t, cue_end);
    let mut f = Found {
        sentence: s,
        cue,
        cue_token: t,
        status,
        source: None,
        source_head: None,
        content: Span::default(),
        via: None,
        hedge: None,
        quotes: Vec::new(),
        strong,
    };

    match kind {
        CueKind::According => {
            let np = syn.noun_phrase_starting_at(cue_end).or_else(|| {
                syn.head(t).map(|h| {
                    let (a, b) =
                        syn.subtree(h, &[DepRel::Case, DepRel::Punct, DepRel::Appos, DepRel::AclRelcl]);
                    (a.max(cue_end), b)
                })
            })?;
            f.source = Some(np);
            f.source_head = Some(np.1 - 1);
            let (first, _) = syn.trim(syn.start, syn.end);
            // "According to X, content." or "Content, according to X."
            let (a, b) = if t <= first + 1 {
                syn.trim(np.1, syn.end)
            } else {
                let after = syn.trim(np.1, syn.end);
                let before = syn.trim(syn.start, t);
                if before.1 - before.0 >= after.1 - after.0 {
                    before
                } else {
                    after
                }
            };
            if b <= a {
                return None;
            }
            f.content = syn.span(a, b);
            f.quotes = quotes_within(quotes, a, b);
            return Some(f);
        }
        CueKind::Dash => {
            let (a, b) = syn.noun_phrase_starting_at(cue_end).unwrap_or((cue_end, syn.end));
            f.source = Some((a, b));
            f.source_head = Some(b - 1);
            let q = closing_in(quotes, t.saturating_sub(1), t).next()?;
            set_quote_content(syn, &mut f, quotes, q, true);
            return Some(f);
        }
        CueKind::Verb(_) => {}
    }

    // The source.
    let (source, head) = find_source(syn, t, quotes, in_quote);
    f.source = source;
    f.source_head = head;
    f.hedge = hedge(syn, t);

    // The group of source and cue words, and what follows it directly.
    let mut group_start = t;
    let mut group_end = cue_end;
    // A subject shared with another verb ("Hu said, further criticizing …") stays out of this
    // cue's group: what surrounds that verb is not this cue's content.
    let own_subject = !syn.parsed || head.is_none_or(|h| syn.head(h) == Some(t) || syn.head(h).is_none());
    if let Some((a, b)) = source.filter(|_| own_subject) {
        group_start = group_start.min(a);
        group_end = group_end.max(b);
    }
    while group_start > syn.start && is_interposed(syn, group_start - 1) && !in_quote[group_start - 1] {
        group_start -= 1;
    }
    let via = find_via(syn, t, cue_end, group_end, in_quote);
    if let Some((_, b)) = via {
        group_end = group_end.max(b);
    }
    f.via = via.map(|(a, b)| syn.span(a, b));

    // 1. A quotation ending just before the group ("“…,” Hu said").
    if let Some(q) = quote_ending_before(syn, group_start, quotes) {
        set_quote_content(syn, &mut f, quotes, q, true);
        // An interrupted quotation continues after the cue ("“…,” he said, “…”").
        if let Some(q2) = quote_starting_after(syn, skip_trailing(syn, group_end), quotes) {
            f.content = f.content.cover(quote_span(syn, quotes, q2, true));
            f.quotes.push(q2);
        }
        return finish(f);
    }
    // 2. A quotation starting just after the group ("saying, “…”", "said: “…”").
    if let Some(q) = quote_starting_after(syn, group_end, quotes) {
        set_quote_content(syn, &mut f, quotes, q, false);
        return finish(f);
    }
    // 3. A clausal complement in the parse, or an explicit "that".
    if let Some(c) = syn.child(t, &[DepRel::Ccomp]) {
        let (a, b) = syn.subtree(c, &[]);
        let after = a >= group_end.min(t + 1);
        // A complement before the cue ("…, he said") only if nothing but adverbials follows.
        let before = b <= group_start && ends_after_group(syn, group_end);
        if after || before {
            let (a, b) = syn.trim(a, b);
            if b > a {
                f.content = syn.span(a, b);
                f.quotes = quotes_within(quotes, a, b);
                return finish(extend_to_quotes(syn, f, quotes));
            }
        }
    }
    if let Some(that) = that_after(syn, group_end, in_quote) {
        let (a, b) = syn.trim(that, syn.end);
        if b > a + 1 {
            f.content = syn.span(a, b);
            f.quotes = quotes_within(quotes, a, b);
            return finish(extend_to_quotes(syn, f, quotes));
        }
    }
    // 4. A quotation inside the cue's object ("called the situation “disconcerting”").
    if let Some(q) = opening_in(quotes, group_end, (group_end + 9).min(syn.end)).next() {
        let next_cue = (group_end..quotes[q].open).any(|u| cue_at(syn, u).is_some());
        if !next_cue {
            let next_cue_at = (quotes[q].close..syn.end)
                .find(|&u| !in_quote[u] && cue_at(syn, u).is_some())
                .unwrap_or(syn.end);
            let last = opening_in(quotes, group_end, next_cue_at).last().unwrap_or(q);
            let (a, b) = (group_end, quotes[last].close + 1);
            f.content = syn.span(a, b);
            f.quotes = (q..=last).collect();
            return finish(f);
        }
    }
    if status == Status::DeclinedToComment {
        // "declined to comment on the strike": the topic, if any, else the cue itself.
        let (a, b) = syn.trim(group_end, syn.end);
        f.content = if b > a && ends_after_group(syn, group_end) { syn.span(a, b) } else { cue };
        return finish(f);
    }
    if !strong {
        // 5. A stance verb whose object is the claim ("called for a moratorium", "wants to
        //    triple the program", "the poll shows Clinton ahead").
        if let (Some(lemma), Some(_)) = (lemma_of(kind), source) {
            if takes_object_content(lemma) {
                if let Some((a, b)) = object_content(syn, t, group_end, in_quote) {
                    f.content = syn.span(a, b);
                    f.quotes = quotes_within(quotes, a, b);
                    return finish(extend_to_quotes(syn, f, quotes));
                }
            }
        }
        return None;
    }
    // 6. The parse says the cue is a parenthetical of the clause before it.
    // 6. "Content, X said." — the part of the sentence before the group.
    let before_comma = group_start > syn.start && matches!(syn.word(group_start - 1), "," | "?" | "!");
    if (before_comma || syn.rel(t) == DepRel::Parataxis) && ends_after_group(syn, group_end) {
        let (a, b) = syn.trim(syn.start, group_start);
        if b >= a + 3 {
            f.content = syn.span(a, b);
            f.quotes = quotes_within(quotes, a, b);
            return finish(f);
        }
    }
    // 7. "X said content."
    let (a, b) = syn.trim(skip_glue(syn, group_end), syn.end);
    if b >= a + 3
        && (a..b)
            .any(|u| syn.upos(u) == Upos::Verb || syn.upos(u) == Upos::Aux || syn.upos(u) == Upos::Unknown)
    {
        f.content = syn.span(a, b);
        f.quotes = quotes_within(quotes, a, b);
        return finish(extend_to_quotes(syn, f, quotes));
    }
    if status == Status::DeclinedToComment {
        f.content = cue;
        return finish(f);
    }
    None
}

fn lemma_of(kind: CueKind) -> Option<&'static str> {
    match kind {
        CueKind::Verb(v) => Some(v.lemma),
        _ => None,
    }
}

/// Verbs whose object states the source's claim, wish or stance.
fn takes_object_content(lemma: &str) -> bool {
    matches!(
        lemma,
        "call"
            | "want"
            | "plan"
            | "propose"
            | "demand"
            | "recommend"
            | "question"
            | "criticize"
            | "criticise"
            | "praise"
            | "accuse"
            | "blame"
            | "attack"
            | "quote"
            | "specify"
            | "project"
            | "describe"
            | "tout"
            | "dub"
            | "label"
            | "demonstrate"
            | "reveal"
            | "show"
            | "find"
            | "highlight"
            | "underline"
            | "underscore"
            | "challenge"
            | "contest"
            | "offer"
            | "discuss"
            | "detail"
            | "see"
            | "view"
            | "regard"
            | "understand"
            | "know"
            | "consider"
    )
}

/// The object of a stance verb as content: the parse's object, clausal or open complement,
/// or, without a parse, the rest of the clause after the verb.
fn object_content(syn: &Syntax, t: usize, group_end: usize, in_quote: &[bool]) -> Option<(usize, usize)> {
    if syn.parsed {
        let child = syn.child(t, &[DepRel::Ccomp, DepRel::Xcomp, DepRel::Obj])?;
        let (a, b) = syn.subtree(child, &[]);
        let (a, b) = syn.trim(a.max(group_end.min(a)), b);
        return (b > a && a >= t).then_some((a, b));
    }
    let mut b = group_end;
    while b < syn.end && !matches!(syn.word(b), ";" | "." | "?" | "!") && (syn.word(b) != "," || in_quote[b])
    {
        b += 1;
    }
    let (a, b) = syn.trim(group_end, b);
    (b > a).then_some((a, b))
}

/// An explicit "that" opening the content a few words after the cue, past the addressee and
/// adverbials ("told allies on the condition of anonymity that …"), with no verb in between.
fn that_after(syn: &Syntax, from: usize, in_quote: &[bool]) -> Option<usize> {
    let limit = (from + 12).min(syn.end);
    for (u, &quoted) in in_quote.iter().enumerate().take(limit).skip(from) {
        if quoted || matches!(syn.word(u), "," | ";" | ":" | "." | "“" | "\"") && u > from {
            return None;
        }
        if syn.lower(u) == "that" {
            return Some(u);
        }
        if matches!(syn.upos(u), Upos::Verb | Upos::Aux) || cues::verb(syn.word(u)).is_some() {
            return None;
        }
    }
    None
}

/// True if nothing but adverbials follows the source/cue group to the end of the sentence
/// ("…, officials said on Monday."), so that the content can only be before the group.
/// A trailing clause of its own after a comma ("…, the paper reported on Monday, though it did
/// not say …") does not count: it comments on the report rather than carrying its content.
fn ends_after_group(syn: &Syntax, group_end: usize) -> bool {
    let clause_end = (group_end..syn.end.saturating_sub(1))
        .find(|&u| syn.word(u) == "," && opens_side_clause(&syn.lower(u + 1)))
        .unwrap_or(syn.end);
    let (a, b) = syn.trim(group_end, clause_end);
    if b <= a {
        return true;
    }
    let tagged = (a..b).any(|u| syn.upos(u) != Upos::Unknown);
    if tagged {
        b - a <= 10
            && !(a..b).any(|u| matches!(syn.upos(u), Upos::Verb | Upos::Aux) || syn.lower(u) == "that")
    } else {
        b - a <= 6 && !(a..b).any(|u| syn.lower(u) == "that")
    }
}

/// Words that open a clause commenting on what came before ("though", "adding", "citing").
fn opens_side_clause(word: &str) -> bool {
    matches!(
        word,
        "though"
            | "although"
            | "while"
            | "whereas"
            | "but"
            | "because"
            | "since"
            | "adding"
            | "citing"
            | "even"
    )
}

fn finish(f: Found) -> Option<Found> {
    (!f.content.is_empty()).then_some(f)
}

fn skip_glue(syn: &Syntax, mut t: usize) -> usize {
    while t < syn.end && matches!(syn.word(t), "," | ":") {
        t += 1;
    }
    t
}

fn skip_trailing(syn: &Syntax, mut t: usize) -> usize {
    // Adverbials after the cue ("on Monday", "in a video") before an interrupted quotation.
    let limit = (t + 8).min(syn.end);
    while t < limit && !is_quote_mark(syn.word(t)) {
        t += 1;
    }
    t
}

/// Index of a quotation whose closing mark is followed, after only punctuation, by token
/// `group_start`.
fn quote_ending_before(syn: &Syntax, group_start: usize, quotes: &[QuoteMarks]) -> Option<usize> {
    closing_in(quotes, group_start.saturating_sub(4), group_start).find(|&i| {
        let q = &quotes[i];
        let between = q.close + 1..group_start;
        if !between.clone().all(|u| matches!(syn.word(u), "," | "?" | "!" | "—" | "–" | "-")) {
            return false;
        }
        // The quotation hands over to its speaker: it ends with a comma, a question or an
        // exclamation (“…,” he said; “…?” she asked), or a comma or dash follows the mark.
        let content = syn.doc.slice(syn.doc.quoted[q.index].content).trim_end();
        let hands_over = content.ends_with([',', '?', '!', '—', '–', '…'])
            || between.clone().any(|u| matches!(syn.word(u), "," | "—" | "–"));
        // A quotation that ended the previous sentence belongs to it, unless it asked or
        // exclaimed (“Is it God?” Hu said.).
        let same_sentence = q.close >= syn.start || content.ends_with(['?', '!']);
        hands_over && same_sentence
    })
}

/// Index of a quotation whose opening mark follows token `group_end` after only glue.
fn quote_starting_after(syn: &Syntax, group_end: usize, quotes: &[QuoteMarks]) -> Option<usize> {
    let mut u = group_end;
    while u < syn.end && is_glue(syn.word(u)) {
        u += 1;
    }
    opening_in(quotes, u, u + 1).find(|_| syn.contains(u))
}

/// The byte span of quotation `q` with the quotations it continues (backwards) or that
/// continue it (forwards).
fn quote_span(syn: &Syntax, quotes: &[QuoteMarks], q: usize, backwards: bool) -> Span {
    let content = |i: usize| syn.doc.quoted[quotes[i].index].content;
    let mut span = content(q);
    let mut i = q;
    let mut guard = 0;
    loop {
        guard += 1;
        let next = if backwards { quotes[i].continues } else { quotes[i].continued_by };
        match next {
            Some(n) if guard < 64 => {
                span = span.cover(content(n));
                i = n;
            }
            _ => break,
        }
    }
    span
}

fn set_quote_content(syn: &Syntax, f: &mut Found, quotes: &[QuoteMarks], q: usize, backwards: bool) {
    f.content = quote_span(syn, quotes, q, backwards);
    let mut chain = vec![q];
    let mut i = q;
    while let Some(n) = if backwards { quotes[i].continues } else { quotes[i].continued_by } {
        if chain.len() > 64 {
            break;
        }
        chain.push(n);
        i = n;
    }
    chain.sort_unstable();
    f.quotes = chain;
}

fn quotes_within(quotes: &[QuoteMarks], a: usize, b: usize) -> Vec<usize> {
    opening_in(quotes, a, b).filter(|&i| quotes[i].close <= b).collect()
}

/// Widen content that cuts into a quotation to cover the whole quotation.
fn extend_to_quotes(syn: &Syntax, mut f: Found, quotes: &[QuoteMarks]) -> Found {
    let tokens = syn.doc.tokens_in(f.content);
    let candidates =
        quotes.partition_point(|q| q.close < tokens.start)..quotes.partition_point(|q| q.open < tokens.end);
    for i in candidates {
        let span = syn.doc.quoted[quotes[i].index].content;
        if span.overlaps(f.content) && !f.content.contains(span) {
            f.content = f.content.cover(span);
            if !f.quotes.contains(&i) {
                f.quotes.push(i);
            }
        }
    }
    f
}

/// The source phrase and its head for cue token `t`.
fn find_source(
    syn: &Syntax,
    t: usize,
    quotes: &[QuoteMarks],
    in_quote: &[bool],
) -> (Option<(usize, usize)>, Option<usize>) {
    if syn.parsed {
        if let Some(subject) = parse_subject(syn, t).filter(|&s| !in_quote[s]) {
            if !matches!(syn.lower(subject).as_str(), "it" | "there" | "this" | "that" | "which" | "who")
                || syn.rel(subject) != DepRel::NsubjPass
            {
                return (Some(subject_phrase(syn, subject)), Some(subject));
            }
            return (None, None);
        }
        if let Some(agent) = syn.child(t, &[DepRel::OblAgent]) {
            let (a, b) = syn.subtree(agent, &[DepRel::Case]);
            return (Some(syn.trim(a, b)), Some(agent));
        }
    }
    // Without a parse. "“…,” said Hu": a quotation closes just before the cue, the speaker
    // follows it.
    let quote_just_before = closing_in(quotes, t.saturating_sub(3), t)
        .any(|q| (quotes[q].close + 1..t).all(|u| matches!(syn.word(u), "," | "?" | "!" | "—" | "–")));
    if quote_just_before {
        if let Some((a, b)) = syn.noun_phrase_starting_at(t + 1) {
            return (Some((a, b)), Some(b - 1));
        }
    }
    // The noun phrase before the cue, past adverbs and auxiliaries.
    let mut p = t;
    while p > syn.start && is_interposed(syn, p - 1) {
        p -= 1;
    }
    if p > syn.start && !in_quote[p - 1] {
        if let Some((mut a, mut b)) = syn.noun_phrase_ending_at(p - 1) {
            // "China on Monday signaled": the phrase after a preposition is not the subject.
            for _ in 0..2 {
                let temporal = (a..b).all(|u| is_temporal(&syn.lower(u)) || syn.upos(u) == Upos::Det);
                let after_preposition = temporal
                    && a > syn.start + 1
                    && (syn.upos(a - 1) == Upos::Adp
                        || matches!(
                            syn.lower(a - 1).as_str(),
                            "on" | "in" | "at" | "during" | "over" | "after"
                        ));
                match after_preposition.then(|| syn.noun_phrase_ending_at(a - 2)).flatten() {
                    Some(np) => (a, b) = np,
                    None => break,
                }
            }
            return (Some((a, b)), Some(b - 1));
        }
        // An appositive between commas: "Sun Yun, director of …, tells".
        if syn.word(p - 1) == "," {
            let previous_comma =
                (syn.start..p - 1).rev().take_while(|&u| !in_quote[u]).find(|&u| syn.word(u) == ",");
            let appositive_like = |c: usize| {
                !(c + 1..p - 1).any(|u| {
                    let think_tank = syn.lower(u) == "think" && syn.lower(u + 1).starts_with("tank");
                    !think_tank
                        && (matches!(syn.upos(u), Upos::Verb | Upos::Aux)
                            || cues::verb(syn.word(u)).is_some())
                })
            };
            if let Some(c) =
                previous_comma.filter(|&c| c > syn.start && !in_quote[c - 1] && appositive_like(c))
            {
                if let Some((a, b)) = syn.noun_phrase_ending_at(c - 1) {
                    return (Some((a, b)), Some(b - 1));
                }
            }
        }
    }
    if t > syn.start && syn.word(t - 1) == "," {
        // "…, saying …": a participle shares the subject of the sentence.
        if syn.lower(t).ends_with("ing") {
            let mut first = syn.start;
            while first < t && (in_quote[first] || !syn.word(first).chars().any(char::is_alphanumeric)) {
                first += 1;
            }
            if let Some((a, b)) = syn.noun_phrase_starting_at(first).filter(|&(_, b)| b < t) {
                return (Some((a, b)), Some(b - 1));
            }
        }
        // "…, said Hu." (not "…, tells U.S. News", where the phrase after the cue is the
        // addressee).
        let addressee_verb = matches!(
            cues::verb(syn.word(t)).map(|v| v.lemma),
            Some("tell" | "inform" | "assure" | "remind" | "notify" | "advise" | "brief" | "warn" | "urge")
        );
        if let Some((a, b)) = syn.noun_phrase_starting_at(t + 1).filter(|_| !addressee_verb) {
            return (Some((a, b)), Some(b - 1));
        }
    }
    (None, None)
}

/// Words of time expressions ("on Monday", "last week", "this morning").
fn is_temporal(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "day"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "today"
            | "tonight"
            | "yesterday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "last"
            | "this"
            | "next"
            | "earlier"
            | "later"
            | "time"
    ) || word.chars().all(|c| c.is_ascii_digit())
}

/// The subject of `t`, or the subject it shares with the verb it is coordinated with or
/// subordinate to ("Liu called … and added", "demurred …, saying").
fn parse_subject(syn: &Syntax, t: usize) -> Option<usize> {
    let mut v = t;
    for _ in 0..4 {
        if let Some(s) = syn.child(v, &[DepRel::Nsubj, DepRel::NsubjPass, DepRel::NsubjOuter]) {
            // "officials who said": the relative pronoun stands for the noun it modifies.
            let relative = matches!(syn.lower(s).as_str(), "who" | "that" | "which");
            if relative && syn.rel(v) == DepRel::AclRelcl {
                return syn.head(v);
            }
            return Some(s);
        }
        match syn.rel(v) {
            // "reports emerged that …": a reduced relative clause; its noun is the subject.
            DepRel::Acl if !matches!(syn.doc.tokens[v].tag, Tag::Vbg | Tag::Vbn) => {
                return syn.head(v).filter(|&h| syn.is_nominal(h))
            }
            DepRel::Conj | DepRel::Xcomp | DepRel::Advcl => v = syn.head(v)?,
            _ => return None,
        }
    }
    None
}

/// The words of a subject, without appositives, relative clauses and what follows a comma.
fn subject_phrase(syn: &Syntax, subject: usize) -> (usize, usize) {
    let (a, b) = syn
        .subtree(subject, &[DepRel::Appos, DepRel::AclRelcl, DepRel::Acl, DepRel::Parataxis, DepRel::Punct]);
    // Cut at the first comma after the head, unless the comma sits inside a place name
    // ("Washington, D.C.").
    let mut end = b;
    for u in subject + 1..b {
        if syn.word(u) == ","
            && !(u + 1 < b && syn.upos(u + 1) == Upos::Propn && u > 0 && syn.upos(u - 1) == Upos::Propn)
        {
            end = u;
            break;
        }
    }
    syn.trim(a, end)
}

/// The hedge adverb modifying the cue, if any ("reportedly told").
fn hedge(syn: &Syntax, t: usize) -> Option<Span> {
    for &c in syn.children(t) {
        if cues::is_hedge(syn.word(c)) {
            return Some(syn.span(c, c + 1));
        }
    }
    (t.saturating_sub(3).max(syn.start)..t).find(|&u| cues::is_hedge(syn.word(u))).map(|u| syn.span(u, u + 1))
}

/// The addressee or channel: the object of "tell"-type verbs ("told several news outlets"),
/// or "to reporters", "in an interview", "in a video", "on Twitter".
fn find_via(
    syn: &Syntax,
    t: usize,
    cue_end: usize,
    group_end: usize,
    in_quote: &[bool],
) -> Option<(usize, usize)> {
    let lemma = cues::verb(syn.word(t)).map(|v| v.lemma).unwrap_or("");
    let addressee_verb = matches!(
        lemma,
        "tell" | "inform" | "assure" | "remind" | "warn" | "notify" | "advise" | "brief" | "ask" | "urge"
    );
    if syn.parsed {
        for &c in syn.children(t) {
            if c < cue_end || in_quote[c] {
                continue;
            }
            let rel = syn.rel(c);
            if addressee_verb && matches!(rel, DepRel::Obj | DepRel::Iobj) && syn.is_nominal(c) {
                let (a, b) = syn.subtree(c, &[DepRel::AclRelcl, DepRel::Acl]);
                return Some(syn.trim(a, b));
            }
            if rel == DepRel::Obl {
                let (a, b) = syn.subtree(c, &[]);
                if is_channel(syn, a, b) {
                    return Some(syn.trim(a, b));
                }
            }
        }
        return None;
    }
    let start = group_end.max(cue_end);
    if addressee_verb {
        if let Some((a, b)) = syn.noun_phrase_starting_at(start) {
            if !in_quote[a] {
                return Some((a, b));
            }
        }
    }
    None
}

fn is_channel(syn: &Syntax, a: usize, b: usize) -> bool {
    const CHANNELS: &[&str] = &[
        "interview",
        "statement",
        "video",
        "post",
        "tweet",
        "broadcast",
        "conference",
        "briefing",
        "letter",
        "op-ed",
        "piece",
        "show",
        "program",
        "programme",
        "podcast",
        "speech",
        "address",
        "email",
        "e-mail",
        "message",
        "call",
        "appearance",
        "hearing",
        "testimony",
        "twitter",
        "facebook",
        "instagram",
        "telegram",
        "x",
        "reporters",
        "journalists",
        "radio",
        "television",
        "tv",
        "column",
        "editorial",
        "essay",
        "memo",
        "blog",
        "website",
        "rally",
        "meeting",
        "session",
    ];
    let first = syn.lower(a);
    matches!(first.as_str(), "to" | "in" | "on" | "during" | "at" | "through" | "via")
        && (a..b).any(|u| CHANNELS.contains(&syn.lower(u).as_str()))
}
