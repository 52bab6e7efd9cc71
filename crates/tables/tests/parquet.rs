//! Tables from hand-built documents, and their Parquet files read back.

#![allow(clippy::unwrap_used)]

use arrow_array::{Array, Int32Array, ListArray, StringArray, StructArray};
use newsgraph_model::*;
use newsgraph_tables::parquet::{PartitionedWriter, NULL_PARTITION};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn doc(id: &str, day: Option<&str>) -> Document {
    let text = "“Wir kommen,” said Hü Yun. Officials said China rejected aid.";
    let mut d = Document::new(id, text);
    d.meta.published = day.map(Into::into);
    d.meta.outlet = Some("Wire".into());
    d.meta.authors = vec!["A. Writer".into()];
    let at = |w: &str| {
        let s = text.find(w).unwrap();
        Span::new(s, s + w.len())
    };
    d.mentions.push(Mention::new(at("Hü Yun"), MentionKind::Name, EntityKind::Person));
    d.mentions[0].entity = Some(0);
    d.entities.push(Entity {
        name: "Hü Yun".into(),
        kind: EntityKind::Person,
        mentions: vec![0],
        descriptors: vec!["envoy".into()],
        actor: None,
    });
    d.attributions.push(Attribution {
        content: at("Wir kommen"),
        cue: Some(at("said Hü")),
        source: Source {
            entity: Some(0),
            mention: Some(at("Hü Yun")),
            kind: SourceKind::NamedPerson,
            anonymous: false,
        },
        ..Attribution::default()
    });
    d.quotes.push(Quote {
        span: at("Wir kommen"),
        kind: QuoteKind::Direct,
        cue: None,
        speaker: Some(0),
        speaker_mention: Some(at("Hü Yun")),
        attribution: Some(0),
    });
    d.events.push(Event {
        source: EventActor { code: "CHN".into(), ..EventActor::default() },
        target: None,
        cameo: "1222".into(),
        goldstein: -4.0,
        quad_class: 3,
        plover: "REJECT".into(),
        cue: at("rejected"),
        ..Event::default()
    });
    d
}

#[test]
fn rows_carry_character_offsets_and_wire_ids() {
    let tables = newsgraph_tables::record_batches(&[doc("d1", Some("2026-03-02")), doc("d2", None)]).unwrap();
    assert_eq!(tables.named().map(|(_, b)| b.num_rows()), [2, 2, 2, 2, 2]);
    let q = &tables.quotes;
    let col = |b: &arrow_array::RecordBatch, name: &str| b.column_by_name(name).unwrap().clone();
    let starts = col(q, "start");
    let starts = starts.as_any().downcast_ref::<Int32Array>().unwrap();
    assert_eq!(starts.value(0), 1, "the opening curly quote is one character");
    let speaker = col(q, "speaker");
    assert_eq!(speaker.as_any().downcast_ref::<StringArray>().unwrap().value(0), "Hü Yun");
    let mentions = col(&tables.entities, "mentions");
    let mentions = mentions.as_any().downcast_ref::<ListArray>().unwrap();
    let first = mentions.value(0);
    let first = first.as_any().downcast_ref::<StructArray>().unwrap();
    let start = first.column(0).as_any().downcast_ref::<Int32Array>().unwrap().value(0);
    let end = first.column(1).as_any().downcast_ref::<Int32Array>().unwrap().value(0);
    assert_eq!((start, end), (19, 25), "characters, not bytes: the text has a curly quote before");
    let dates = col(&tables.documents, "date");
    assert!(dates.is_valid(0) && dates.is_null(1));
    let cue = col(&tables.events, "cue");
    assert_eq!(cue.as_any().downcast_ref::<StringArray>().unwrap().value(0), "rejected");
}

#[test]
fn parquet_files_are_partitioned_by_date_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("out");
    let mut writer = PartitionedWriter::create(&root).unwrap();
    writer.write(&[doc("d1", Some("2026-03-02")), doc("d2", Some("2026-03-02")), doc("d3", None)]).unwrap();
    writer.write(&[doc("d4", Some("2026-03-02"))]).unwrap();
    let written = writer.finish().unwrap();
    assert_eq!(written.rows, [4, 4, 4, 4, 4]);
    assert_eq!(written.files, 15, "a date met again gets a second part file");

    let part = root.join("quotes/date=2026-03-02/part-00000.parquet");
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&part).unwrap()).unwrap();
    assert!(reader.schema().field_with_name("date").is_err(), "the date lives in the directory name");
    let batches: Vec<_> = reader.build().unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 2);
    assert!(root.join(format!("events/date={NULL_PARTITION}/part-00000.parquet")).exists());
    assert!(root.join("documents/date=2026-03-02/part-00001.parquet").exists());

    assert!(PartitionedWriter::create(&root).is_err(), "an export never overwrites another");
}
