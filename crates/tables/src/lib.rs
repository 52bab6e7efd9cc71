//! newsgraph-tables: one Arrow schema for five tables — documents, entities, quotes,
//! attributions, events — and the conversion of analysed documents into them, used by the
//! Parquet export (partitioned by date, readable by DuckDB and Spark) and by the Python
//! package. `docs/tables.md` describes every column.
//!
//! Spans are `[start, end)` character offsets into the document text, as on the wire; rows
//! refer to each other by the wire ids (`doc_id`, `e1`, `q1`, `a1`, `v1`). This crate does no
//! analysis and reads no store: it only lays documents out as columns.
//!
//! ```
//! use newsgraph_model::Document;
//!
//! let mut doc = Document::new("d1", "Talks resumed.");
//! doc.meta.published = Some("2026-03-02".into());
//! let tables = newsgraph_tables::record_batches(&[doc]).unwrap();
//! assert_eq!(tables.documents.num_rows(), 1);
//! assert_eq!(tables.quotes.num_rows(), 0);
//! ```

mod build;
pub mod parquet;
pub mod schema;

pub use build::record_batches;

use arrow_array::RecordBatch;

/// What can go wrong when laying out or writing tables.
#[derive(Debug, thiserror::Error)]
pub enum TablesError {
    /// Arrow refused the columns (a bug in this crate, reported rather than panicking).
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The Parquet writer failed.
    #[error("parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// A file or directory could not be written.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The file or directory.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The five tables of a set of documents.
#[derive(Clone, Debug)]
pub struct Tables {
    /// One row per document.
    pub documents: RecordBatch,
    /// One row per entity of each document.
    pub entities: RecordBatch,
    /// One row per quotation.
    pub quotes: RecordBatch,
    /// One row per attributed claim.
    pub attributions: RecordBatch,
    /// One row per event.
    pub events: RecordBatch,
}

impl Tables {
    /// The tables with their names, in a fixed order.
    pub fn named(&self) -> [(&'static str, &RecordBatch); 5] {
        [
            ("documents", &self.documents),
            ("entities", &self.entities),
            ("quotes", &self.quotes),
            ("attributions", &self.attributions),
            ("events", &self.events),
        ]
    }
}

/// Days since 1970-01-01 of the date at the start of an ISO 8601 date or date-time
/// (`2026-03-02`, `2026-03-02T09:30:00Z`), if it has one.
pub fn date32(published: Option<&str>) -> Option<i32> {
    let s = published?.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let month_days = [
        31,
        if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// `YYYY-MM-DD` of a day number (the inverse of [`date32`]).
pub fn date_string(days: i32) -> String {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(date32(Some("1970-01-01")), Some(0));
        assert_eq!(date32(Some("2026-03-02T09:30:00Z")), date32(Some("2026-03-02")));
        assert_eq!(date32(Some("2024-02-29")).map(date_string).as_deref(), Some("2024-02-29"));
        assert_eq!(date32(Some("2023-02-29")), None);
        assert_eq!(date32(Some("2026-3-2")), None);
        assert_eq!(date32(Some("ééééé")), None);
        for days in [-719_162, -1, 0, 19_000, 20_514, 2_000_000, 2_932_896] {
            assert_eq!(date32(Some(&date_string(days))), Some(days), "{days}");
        }
    }
}
