//! Documents laid out as the five tables: each document's annotations become rows, with
//! character offsets and wire ids, through plain column vectors turned into Arrow arrays.

use crate::{date32, schema, Tables, TablesError};
use arrow_array::builder::{Int32Builder, ListBuilder, StringBuilder, StructBuilder};
use arrow_array::{ArrayRef, BooleanArray, Date32Array, Float32Array, Int32Array, RecordBatch, StringArray};
use newsgraph_model::{CharIndex, Document, Span};
use std::sync::Arc;

fn id(prefix: char, index: u32) -> String {
    format!("{prefix}{}", u64::from(index) + 1)
}

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn strings(values: Vec<Option<String>>) -> ArrayRef {
    Arc::new(StringArray::from(values))
}

fn required(values: Vec<String>) -> ArrayRef {
    Arc::new(StringArray::from(values))
}

fn ints(values: Vec<i32>) -> ArrayRef {
    Arc::new(Int32Array::from(values))
}

fn dates(values: Vec<Option<i32>>) -> ArrayRef {
    Arc::new(Date32Array::from(values))
}

fn bools(values: Vec<bool>) -> ArrayRef {
    Arc::new(BooleanArray::from(values))
}

fn string_lists<'a>(rows: impl Iterator<Item = &'a [String]>) -> ArrayRef {
    let mut builder = ListBuilder::new(StringBuilder::new());
    for row in rows {
        for s in row {
            builder.values().append_value(s);
        }
        builder.append(true);
    }
    Arc::new(builder.finish())
}

/// Lay out documents as the five tables.
pub fn record_batches(docs: &[Document]) -> Result<Tables, TablesError> {
    Ok(Tables {
        documents: documents(docs)?,
        entities: entities(docs)?,
        quotes: quotes(docs)?,
        attributions: attributions(docs)?,
        events: events(docs)?,
    })
}

fn documents(docs: &[Document]) -> Result<RecordBatch, TablesError> {
    let meta = |f: fn(&Document) -> Option<&String>| strings(docs.iter().map(|d| f(d).cloned()).collect());
    let columns: Vec<ArrayRef> = vec![
        required(docs.iter().map(|d| d.id.clone()).collect()),
        dates(docs.iter().map(|d| date32(d.meta.published.as_deref())).collect()),
        meta(|d| d.meta.published.as_ref()),
        meta(|d| d.meta.url.as_ref()),
        meta(|d| d.meta.outlet.as_ref()),
        meta(|d| d.meta.title.as_ref()),
        string_lists(docs.iter().map(|d| d.meta.authors.as_slice())),
        meta(|d| d.meta.language.as_ref()),
        meta(|d| d.meta.duplicate_of.as_ref()),
        required(docs.iter().map(|d| d.text.clone()).collect()),
        ints(docs.iter().map(|d| d.entities.len() as i32).collect()),
        ints(docs.iter().map(|d| d.quotes.len() as i32).collect()),
        ints(docs.iter().map(|d| d.attributions.len() as i32).collect()),
        ints(docs.iter().map(|d| d.events.len() as i32).collect()),
    ];
    Ok(RecordBatch::try_new(schema::documents(), columns)?)
}

fn entities(docs: &[Document]) -> Result<RecordBatch, TablesError> {
    let (mut doc_id, mut date, mut entity_id, mut name, mut kind, mut actor) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut mentions =
        ListBuilder::new(StructBuilder::from_fields(schema::mention_fields(), 0)).with_field(Arc::new(
            arrow_schema::Field::new("item", arrow_schema::DataType::Struct(schema::mention_fields()), true),
        ));
    let mut descriptors = ListBuilder::new(StringBuilder::new());
    for doc in docs {
        let index = CharIndex::new(&doc.text);
        let day = date32(doc.meta.published.as_deref());
        for (i, e) in doc.entities.iter().enumerate() {
            doc_id.push(doc.id.clone());
            date.push(day);
            entity_id.push(id('e', i as u32));
            name.push(e.name.clone());
            kind.push(e.kind.as_str().to_string());
            actor.push(e.actor.clone());
            let list = mentions.values();
            for m in e.mentions.iter().filter_map(|&m| doc.mentions.get(m as usize)) {
                let [start, end] = index.chars(m.span);
                if let Some(b) = list.field_builder::<Int32Builder>(0) {
                    b.append_value(i32_of(start));
                }
                if let Some(b) = list.field_builder::<Int32Builder>(1) {
                    b.append_value(i32_of(end));
                }
                if let Some(b) = list.field_builder::<StringBuilder>(2) {
                    b.append_value(m.kind.as_str());
                }
                list.append(true);
            }
            mentions.append(true);
            for d in &e.descriptors {
                descriptors.values().append_value(d);
            }
            descriptors.append(true);
        }
    }
    let columns: Vec<ArrayRef> = vec![
        required(doc_id),
        dates(date),
        required(entity_id),
        required(name),
        required(kind),
        strings(actor),
        Arc::new(mentions.finish()),
        Arc::new(descriptors.finish()),
    ];
    Ok(RecordBatch::try_new(schema::entities(), columns)?)
}

fn entity(doc: &Document, e: Option<u32>) -> Option<&newsgraph_model::Entity> {
    e.and_then(|e| doc.entities.get(e as usize))
}

fn text(doc: &Document, span: Option<Span>) -> Option<String> {
    span.map(|s| doc.slice(s).to_string())
}

fn quotes(docs: &[Document]) -> Result<RecordBatch, TablesError> {
    let mut c: [Vec<Option<String>>; 7] = Default::default(); // cue, speaker_id, speaker, type, mention, attribution, —
    let (mut doc_id, mut date, mut quote_id, mut start, mut end, mut kind, mut words) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for doc in docs {
        let index = CharIndex::new(&doc.text);
        let day = date32(doc.meta.published.as_deref());
        for (i, q) in doc.quotes.iter().enumerate() {
            let [s, e] = index.chars(q.span);
            let speaker = entity(doc, q.speaker);
            doc_id.push(doc.id.clone());
            date.push(day);
            quote_id.push(id('q', i as u32));
            start.push(i32_of(s));
            end.push(i32_of(e));
            kind.push(q.kind.as_str().to_string());
            words.push(doc.slice(q.span).to_string());
            c[0].push(text(doc, q.cue));
            c[1].push(speaker.and(q.speaker).map(|e| id('e', e)));
            c[2].push(speaker.map(|e| e.name.clone()));
            c[3].push(speaker.map(|e| e.kind.as_str().to_string()));
            c[4].push(text(doc, q.speaker_mention));
            c[5].push(q.attribution.filter(|&a| (a as usize) < doc.attributions.len()).map(|a| id('a', a)));
        }
    }
    let [cue, speaker_id, speaker, speaker_type, mention, attribution, _] = c;
    let columns: Vec<ArrayRef> = vec![
        required(doc_id),
        dates(date),
        required(quote_id),
        ints(start),
        ints(end),
        required(kind),
        required(words),
        strings(cue),
        strings(speaker_id),
        strings(speaker),
        strings(speaker_type),
        strings(mention),
        strings(attribution),
    ];
    Ok(RecordBatch::try_new(schema::quotes(), columns)?)
}

fn attributions(docs: &[Document]) -> Result<RecordBatch, TablesError> {
    let mut c: [Vec<Option<String>>; 8] = Default::default();
    let (
        mut doc_id,
        mut date,
        mut attribution_id,
        mut start,
        mut end,
        mut words,
        mut kind,
        mut anonymous,
        mut status,
    ) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    for doc in docs {
        let index = CharIndex::new(&doc.text);
        let day = date32(doc.meta.published.as_deref());
        for (i, a) in doc.attributions.iter().enumerate() {
            let [s, e] = index.chars(a.content);
            let source = entity(doc, a.source.entity);
            doc_id.push(doc.id.clone());
            date.push(day);
            attribution_id.push(id('a', i as u32));
            start.push(i32_of(s));
            end.push(i32_of(e));
            words.push(doc.slice(a.content).to_string());
            kind.push(a.source.kind.as_str().to_string());
            anonymous.push(a.source.anonymous);
            status.push(a.status.as_str().to_string());
            c[0].push(text(doc, a.cue));
            c[1].push(source.and(a.source.entity).map(|e| id('e', e)));
            c[2].push(source.map(|e| e.name.clone()).or_else(|| text(doc, a.source.mention)));
            c[3].push(text(doc, a.source.mention));
            c[4].push(text(doc, a.via));
            c[5].push(text(doc, a.hedge));
            c[6].push(a.parent.filter(|&p| (p as usize) < doc.attributions.len()).map(|p| id('a', p)));
            c[7].push(doc.meta.outlet.clone());
        }
    }
    let [cue, source_id, source, mention, via, hedge, parent, outlet] = c;
    let columns: Vec<ArrayRef> = vec![
        required(doc_id),
        dates(date),
        required(attribution_id),
        ints(start),
        ints(end),
        required(words),
        strings(cue),
        required(kind),
        strings(source_id),
        strings(source),
        strings(mention),
        bools(anonymous),
        required(status),
        strings(via),
        strings(hedge),
        strings(parent),
        strings(outlet),
    ];
    Ok(RecordBatch::try_new(schema::attributions(), columns)?)
}

fn events(docs: &[Document]) -> Result<RecordBatch, TablesError> {
    let mut c: [Vec<Option<String>>; 6] = Default::default(); // source_id, source, target_actor, target_id, target, attribution
    let mut s: [Vec<String>; 6] = Default::default(); // doc_id, event_id, source_actor, cameo, root, plover
    let (mut date, mut goldstein, mut quad, mut cue, mut cue_start, mut cue_end, mut negated, mut modality) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for doc in docs {
        let index = CharIndex::new(&doc.text);
        let day = date32(doc.meta.published.as_deref());
        let side_name = |a: &newsgraph_model::EventActor| {
            entity(doc, a.entity).map(|e| e.name.clone()).or_else(|| text(doc, a.mention))
        };
        let side_id =
            |a: &newsgraph_model::EventActor| entity(doc, a.entity).and(a.entity).map(|e| id('e', e));
        for (i, v) in doc.events.iter().enumerate() {
            let [cs, ce] = index.chars(v.cue);
            s[0].push(doc.id.clone());
            s[1].push(id('v', i as u32));
            s[2].push(v.source.code.clone());
            s[3].push(v.cameo.clone());
            s[4].push(v.cameo.get(..2).unwrap_or(&v.cameo).to_string());
            s[5].push(v.plover.clone());
            c[0].push(side_id(&v.source));
            c[1].push(side_name(&v.source));
            c[2].push(v.target.as_ref().map(|t| t.code.clone()));
            c[3].push(v.target.as_ref().and_then(side_id));
            c[4].push(v.target.as_ref().and_then(side_name));
            c[5].push(v.attribution.filter(|&a| (a as usize) < doc.attributions.len()).map(|a| id('a', a)));
            date.push(day);
            goldstein.push(v.goldstein);
            quad.push(i32::from(v.quad_class));
            cue.push(doc.slice(v.cue).to_string());
            cue_start.push(i32_of(cs));
            cue_end.push(i32_of(ce));
            negated.push(v.negated);
            modality.push(v.modality.as_str().to_string());
        }
    }
    let [doc_id, event_id, source_actor, cameo, root, plover] = s;
    let [source_id, source, target_actor, target_id, target, attribution] = c;
    let columns: Vec<ArrayRef> = vec![
        required(doc_id),
        dates(date),
        required(event_id),
        required(source_actor),
        strings(source_id),
        strings(source),
        strings(target_actor),
        strings(target_id),
        strings(target),
        required(cameo),
        required(root),
        Arc::new(Float32Array::from(goldstein)),
        ints(quad),
        required(plover),
        required(cue),
        ints(cue_start),
        ints(cue_end),
        bools(negated),
        required(modality),
        strings(attribution),
    ];
    Ok(RecordBatch::try_new(schema::events(), columns)?)
}
