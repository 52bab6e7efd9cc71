//! Attribution patterns on documents built by hand: segmented text, name mentions placed by
//! the test (no statistical models), so that each rule is checked exactly.
#![allow(clippy::unwrap_used)]

use newsgraph_model::{Document, EntityKind, Mention, MentionKind, QuoteKind, SourceKind, Span, Status};

/// Build a document from `text`, mark the given names, link entities and attribute.
fn analyse(text: &str, names: &[(&str, EntityKind)]) -> Document {
    let mut doc = Document::new("t", text);
    newsgraph_text::segment(&mut doc);
    for (name, kind) in names {
        let mut from = 0;
        while let Some(at) = doc.text[from..].find(name) {
            let start = from + at;
            doc.mentions.push(Mention::new(Span::new(start, start + name.len()), MentionKind::Name, *kind));
            from = start + name.len();
        }
    }
    doc.mentions.sort_by_key(|m| m.span);
    newsgraph_entities::link(&mut doc);
    newsgraph_attribution::attribute(&mut doc);
    doc
}

/// (quoted text, speaker name or "-", kind) for every quotation.
fn quotes(doc: &Document) -> Vec<(String, String, QuoteKind)> {
    doc.quotes
        .iter()
        .map(|q| {
            let speaker =
                q.speaker.map(|e| doc.entities[e as usize].name.clone()).unwrap_or_else(|| "-".into());
            (doc.slice(q.span).to_string(), speaker, q.kind)
        })
        .collect()
}

fn direct(doc: &Document) -> Vec<(String, String)> {
    quotes(doc).into_iter().filter(|q| q.2 != QuoteKind::Indirect).map(|(t, s, _)| (t, s)).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

use EntityKind::*;

#[test]
fn quote_then_speaker_then_cue() {
    let doc = analyse("“We will win,” Hu Xijin said on Monday.", &[("Hu Xijin", Person)]);
    assert_eq!(direct(&doc), pairs(&[("We will win,", "Hu Xijin")]));
    assert_eq!(doc.attributions[0].source.kind, SourceKind::NamedPerson);
    assert_eq!(doc.slice(doc.attributions[0].cue.unwrap()), "said");
}

#[test]
fn inverted_speaker_after_cue() {
    let doc = analyse("“No,” said Marieke de Vries, the head of the union.", &[("Marieke de Vries", Person)]);
    assert_eq!(direct(&doc), pairs(&[("No,", "Marieke de Vries")]));
}

#[test]
fn surname_and_pronoun_resolve_to_the_full_name() {
    let doc = analyse(
        "Sun Yun directs the China Program. “It is unthinkable,” Sun says.\n\n“It would be spotted,” she added.",
        &[("Sun Yun", Person), ("Sun", Person)],
    );
    assert_eq!(
        direct(&doc),
        pairs(&[("It is unthinkable,", "Sun Yun"), ("It would be spotted,", "Sun Yun")])
    );
    let entity = &doc.entities[0];
    let kinds: Vec<MentionKind> = entity.mentions.iter().map(|&m| doc.mentions[m as usize].kind).collect();
    assert!(kinds.contains(&MentionKind::Pronoun), "the pronoun joins the entity: {kinds:?}");
}

#[test]
fn a_paragraph_that_is_only_a_quote_continues_the_speaker() {
    let doc = analyse(
        "“The first point is simple,” Hu said.\n\n“And the second follows from it.”\n\nThe talks ended.",
        &[("Hu", Person)],
    );
    assert_eq!(
        direct(&doc),
        pairs(&[("The first point is simple,", "Hu"), ("And the second follows from it.", "Hu")])
    );
}

#[test]
fn multi_paragraph_quotation_keeps_its_speaker() {
    let doc = analyse(
        "“Our members have waited two years,” said Marieke de Vries. “They will not wait.\n\n“They know where to find us.”",
        &[("Marieke de Vries", Person)],
    );
    let q = direct(&doc);
    assert!(
        q.contains(&("They know where to find us.".to_string(), "Marieke de Vries".to_string())),
        "{q:?}"
    );
}

#[test]
fn description_resolves_to_the_person_named_next() {
    let doc = analyse(
        "A spokesman for the embassy demurred, saying, “I have never heard of that.” Liu Pengyu called the situation “disconcerting.”",
        &[("Liu Pengyu", Person)],
    );
    let q = direct(&doc);
    assert_eq!(q[0], ("I have never heard of that.".to_string(), "Liu Pengyu".to_string()), "{q:?}");
}

#[test]
fn indirect_speech_with_that_and_anonymous_officials() {
    let doc = analyse(
        "U.S. officials told several news outlets on the condition of anonymity that Russia had made the appeal.",
        &[("U.S.", Gpe), ("Russia", Gpe)],
    );
    assert_eq!(doc.attributions.len(), 1);
    let a = &doc.attributions[0];
    assert_eq!(doc.slice(a.content), "that Russia had made the appeal");
    assert_eq!(a.source.kind, SourceKind::Anonymous);
    assert!(a.source.anonymous);
    assert_eq!(doc.slice(a.via.unwrap()), "several news outlets");
    assert_eq!(quotes(&doc)[0].2, QuoteKind::Indirect);
}

#[test]
fn according_to_either_side() {
    let doc = analyse(
        "According to the port authority, 40 ships were waiting. Prices rose sharply, according to traders.",
        &[],
    );
    let contents: Vec<&str> = doc.attributions.iter().map(|a| doc.slice(a.content)).collect();
    assert_eq!(contents, ["40 ships were waiting", "Prices rose sharply"]);
    assert_eq!(doc.attributions[1].source.kind, SourceKind::UnnamedGroup);
}

#[test]
fn status_from_the_cue() {
    let doc = analyse(
        "The ministry denied that troops had crossed the border. The company declined to comment. \
         Analysts believe the deal will hold. Officials reportedly said the plan was dead.",
        &[],
    );
    let statuses: Vec<Status> = doc.attributions.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Status::Denied, Status::DeclinedToComment, Status::Belief, Status::Hedged]);
    assert_eq!(doc.slice(doc.attributions[3].hedge.unwrap()), "reportedly");
}

#[test]
fn nested_reports_link_to_their_parent() {
    let doc = analyse(
        "American officials told allies that China was willing to help, the Financial Times reported on Monday.",
        &[("China", Gpe), ("Financial Times", Org)],
    );
    let outlet = doc.attributions.iter().position(|a| doc.slice(a.cue.unwrap()) == "reported").unwrap();
    let officials = doc.attributions.iter().position(|a| doc.slice(a.cue.unwrap()) == "told").unwrap();
    assert_eq!(doc.attributions[outlet].source.kind, SourceKind::Outlet);
    assert_eq!(doc.attributions[officials].parent, Some(outlet as u32));
    assert_eq!(doc.attributions[outlet].parent, None);
}

#[test]
fn a_report_followed_by_a_side_clause_still_nests() {
    let doc = analyse(
        "Diplomats told reporters that the talks had failed, the Daily Ledger reported on Sunday, \
         though it did not say which talks.",
        &[("Daily Ledger", Org)],
    );
    let outlet = doc.attributions.iter().position(|a| doc.slice(a.cue.unwrap()) == "reported").unwrap();
    let diplomats = doc.attributions.iter().position(|a| doc.slice(a.cue.unwrap()) == "told").unwrap();
    assert_eq!(
        doc.slice(doc.attributions[outlet].content),
        "Diplomats told reporters that the talks had failed"
    );
    assert_eq!(doc.attributions[diplomats].parent, Some(outlet as u32));
}

#[test]
fn a_verb_joined_to_a_refusal_is_not_a_statement() {
    let doc = analyse("The ministry declined to comment on the reports or offer any details.", &[]);
    let cues: Vec<(&str, Status)> =
        doc.attributions.iter().map(|a| (doc.slice(a.cue.unwrap()), a.status)).collect();
    assert_eq!(cues, [("declined to comment", Status::DeclinedToComment)]);
}

#[test]
fn speaker_labels_in_transcripts() {
    let doc = analyse("WALLACE: Will she be there?\n\nPENCE: She will not attend the debate.", &[]);
    let contents: Vec<(&str, &str)> = doc
        .attributions
        .iter()
        .map(|a| (doc.slice(a.source.mention.unwrap()), doc.slice(a.content)))
        .collect();
    assert_eq!(contents, [("WALLACE", "Will she be there?"), ("PENCE", "She will not attend the debate.")]);
}

#[test]
fn scare_quotes_without_a_speaker_are_not_quotations() {
    let doc = analyse("The so-called “peace plan” was published on Monday.", &[]);
    assert!(doc.quotes.is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn cues_inside_quotations_are_the_speakers_words() {
    let doc = analyse("“They said it would never happen,” Hu said.", &[("Hu", Person)]);
    assert_eq!(doc.attributions.len(), 1);
    assert_eq!(doc.slice(doc.attributions[0].content), "They said it would never happen,");
}

#[test]
fn a_negated_statement_is_not_a_claim() {
    let doc = analyse(
        "The Financial Times reported the request, though it did not specify that the aid would include weapons.",
        &[("Financial Times", Org)],
    );
    let cues: Vec<&str> = doc.attributions.iter().filter_map(|a| a.cue).map(|c| doc.slice(c)).collect();
    assert_eq!(cues, ["reported"]);
    let doc = analyse("Sun Yun never said that talks had begun.", &[("Sun Yun", Person)]);
    assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
    // "Not only" adds; it does not negate.
    let doc = analyse("Sun Yun not only said that talks had begun.", &[("Sun Yun", Person)]);
    assert_eq!(doc.attributions.len(), 1);
}
