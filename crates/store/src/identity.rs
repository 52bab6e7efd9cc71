//! A document's identity in the store: its id, and a hash of what the reader gave (text and
//! metadata) that tells whether a document seen before has changed.
//!
//! The hash is taken before analysis, so a document read again is recognised without being
//! analysed again. It is a 128-bit XXH3 hash: fast, and not meant to resist forgery.

use newsgraph_model::Document;
use xxhash_rust::xxh3::Xxh3;

/// 128-bit hash of a document's text and metadata, as the reader produced them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentHash(pub [u8; 16]);

impl ContentHash {
    /// Hash of the text and every metadata field a reader sets.
    pub fn of(doc: &Document) -> ContentHash {
        let mut h = Xxh3::new();
        let mut field = |bytes: &[u8]| {
            h.update(&(bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        let meta = &doc.meta;
        field(doc.text.as_bytes());
        for value in [&meta.url, &meta.outlet, &meta.title, &meta.published, &meta.language] {
            field(value.as_deref().unwrap_or("\u{0}").as_bytes());
        }
        for author in &meta.authors {
            field(author.as_bytes());
        }
        if !meta.extra.is_empty() {
            field(serde_json::Value::Object(meta.extra.clone()).to_string().as_bytes());
        }
        ContentHash(h.digest128().to_le_bytes())
    }

    /// Hash of the text alone, which finds exact copies of a story under another id.
    pub fn of_text(text: &str) -> ContentHash {
        ContentHash(xxhash_rust::xxh3::xxh3_128(text.as_bytes()).to_le_bytes())
    }
}

/// The calendar day (`YYYY-MM-DD`) of an ISO 8601 date or date-time, if it has one.
pub fn day_of(published: Option<&str>) -> Option<String> {
    let s = published?.trim();
    let day = s.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let month = day.get(5..7).and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
    let dom = day.get(8..10).and_then(|d| d.parse::<u8>().ok()).unwrap_or(0);
    (ok && (1..=12).contains(&month) && (1..=31).contains(&dom)).then(|| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_changes_with_text_and_metadata_only() {
        let a = Document::new("a", "Text.");
        let mut b = Document::new("b", "Text.");
        assert_eq!(ContentHash::of(&a), ContentHash::of(&b), "the id is not part of the content");
        b.meta.title = Some("Title".into());
        assert_ne!(ContentHash::of(&a), ContentHash::of(&b));
        let c = Document::new("a", "Text!");
        assert_ne!(ContentHash::of(&a), ContentHash::of(&c));
        // Field boundaries count: moving bytes between fields changes the hash.
        let mut d = Document::new("d", "ab");
        d.meta.title = Some("c".into());
        let mut e = Document::new("e", "a");
        e.meta.title = Some("bc".into());
        assert_ne!(ContentHash::of(&d), ContentHash::of(&e));
    }

    #[test]
    fn days_of_dates_and_date_times() {
        assert_eq!(day_of(Some("2022-03-14")).as_deref(), Some("2022-03-14"));
        assert_eq!(day_of(Some("2022-03-14T09:30:00Z")).as_deref(), Some("2022-03-14"));
        assert_eq!(day_of(Some("2022-13-14")), None);
        assert_eq!(day_of(Some("March 2022")), None);
        assert_eq!(day_of(Some("2022-3-1")), None);
        assert_eq!(day_of(Some("éééééééééé")), None);
        assert_eq!(day_of(None), None);
    }
}
