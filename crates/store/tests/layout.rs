//! The file's layout version: a store of the previous layout is read as it is and brought up
//! to date when opened for writing; other versions are refused with a clear error.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod common;

use newsgraph_store::questions::{Paging, Period, TopQuery};
use newsgraph_store::schema::SCHEMA_VERSION;
use newsgraph_store::{Store, StoreError};

fn version(store: &Store) -> i64 {
    store.connection().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
}

fn has_index(store: &Store, name: &str) -> bool {
    store
        .connection()
        .query_row("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_layout_2_store_is_read_as_it_is_and_migrated_when_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.write_documents(common::corpus()).unwrap();
        // Put the file back in layout 2: the name indexes as they were.
        store
            .connection()
            .execute_batch(
                "DROP INDEX entities_person; CREATE INDEX entities_name ON entities(name, day);
                 DROP INDEX quotes_by_speaker; CREATE INDEX quotes_speaker ON quotes(speaker_name, day);
                 PRAGMA user_version = 2;",
            )
            .unwrap();
    }
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(version(&reader), 2);
    let ana = reader.person("Ana Ribeiro", &Period::default(), Paging::default()).unwrap();
    assert_eq!((ana.documents, ana.quotes), (2, 1));
    drop(reader);

    let writer = Store::open(&path).unwrap();
    assert_eq!(version(&writer), SCHEMA_VERSION);
    assert!(has_index(&writer, "entities_person") && has_index(&writer, "quotes_by_speaker"));
    assert!(!has_index(&writer, "entities_name") && !has_index(&writer, "quotes_speaker"));
    let top = writer.top_speakers(&TopQuery::default()).unwrap();
    assert_eq!(top.items[0].name, "Sun Yun");
    drop(writer);
    // Opening again changes nothing.
    assert_eq!(version(&Store::open(&path).unwrap()), SCHEMA_VERSION);
}

#[test]
fn other_versions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    Store::open(&path).unwrap().connection().pragma_update(None, "user_version", 99).unwrap();
    for opened in [Store::open(&path), Store::open_read_only(&path)] {
        match opened {
            Err(StoreError::SchemaVersion { found: 99, expected, .. }) => {
                assert_eq!(expected, SCHEMA_VERSION)
            }
            Err(e) => panic!("unexpected error {e}"),
            Ok(_) => panic!("a store of layout 99 was opened"),
        }
    }
}
