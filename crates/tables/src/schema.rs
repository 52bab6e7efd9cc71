//! The Arrow schemas of the five tables. Column names and types are the contract with
//! Parquet readers (DuckDB, Spark) and the Python package; `docs/tables.md` mirrors them.

use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use std::sync::{Arc, OnceLock};

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int32(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int32, nullable)
}

fn list_of_utf8(name: &str) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), false)
}

/// Fields of one mention: `start`, `end` (characters), `kind`.
pub fn mention_fields() -> Fields {
    Fields::from(vec![int32("start", false), int32("end", false), utf8("kind", false)])
}

/// The date column every table carries: the document's publication day.
pub const DATE: &str = "date";

fn date() -> Field {
    Field::new(DATE, DataType::Date32, true)
}

fn build(fields: Vec<Field>) -> SchemaRef {
    Arc::new(Schema::new(fields))
}

/// `documents`: one row per document.
pub fn documents() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        build(vec![
            utf8("doc_id", false),
            date(),
            utf8("published", true),
            utf8("url", true),
            utf8("outlet", true),
            utf8("title", true),
            list_of_utf8("authors"),
            utf8("language", true),
            utf8("duplicate_of", true),
            utf8("text", false),
            int32("n_entities", false),
            int32("n_quotes", false),
            int32("n_attributions", false),
            int32("n_events", false),
        ])
    })
    .clone()
}

/// `entities`: one row per entity of each document.
pub fn entities() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        build(vec![
            utf8("doc_id", false),
            date(),
            utf8("entity_id", false),
            utf8("name", false),
            utf8("type", false),
            utf8("actor", true),
            Field::new(
                "mentions",
                DataType::List(Arc::new(Field::new("item", DataType::Struct(mention_fields()), true))),
                false,
            ),
            list_of_utf8("descriptors"),
        ])
    })
    .clone()
}

/// `quotes`: one row per quotation.
pub fn quotes() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        build(vec![
            utf8("doc_id", false),
            date(),
            utf8("quote_id", false),
            int32("start", false),
            int32("end", false),
            utf8("kind", false),
            utf8("text", false),
            utf8("cue", true),
            utf8("speaker_id", true),
            utf8("speaker", true),
            utf8("speaker_type", true),
            utf8("speaker_mention", true),
            utf8("attribution_id", true),
        ])
    })
    .clone()
}

/// `attributions`: one row per attributed claim.
pub fn attributions() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        build(vec![
            utf8("doc_id", false),
            date(),
            utf8("attribution_id", false),
            int32("start", false),
            int32("end", false),
            utf8("text", false),
            utf8("cue", true),
            utf8("source_kind", false),
            utf8("source_id", true),
            utf8("source", true),
            utf8("source_mention", true),
            Field::new("anonymous", DataType::Boolean, false),
            utf8("status", false),
            utf8("via", true),
            utf8("hedge", true),
            utf8("parent_id", true),
            utf8("outlet", true),
        ])
    })
    .clone()
}

/// `events`: one row per event.
pub fn events() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        build(vec![
            utf8("doc_id", false),
            date(),
            utf8("event_id", false),
            utf8("source_actor", false),
            utf8("source_id", true),
            utf8("source", true),
            utf8("target_actor", true),
            utf8("target_id", true),
            utf8("target", true),
            utf8("cameo", false),
            utf8("cameo_root", false),
            Field::new("goldstein", DataType::Float32, false),
            int32("quad_class", false),
            utf8("plover", false),
            utf8("cue", false),
            int32("cue_start", false),
            int32("cue_end", false),
            Field::new("negated", DataType::Boolean, false),
            utf8("modality", false),
            utf8("attribution_id", true),
        ])
    })
    .clone()
}
