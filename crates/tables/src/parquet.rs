//! Parquet files of the five tables, partitioned by publication date the way Hive, Spark and
//! DuckDB expect: `ROOT/<table>/date=YYYY-MM-DD/part-NNNNN.parquet`, and
//! `date=__HIVE_DEFAULT_PARTITION__` for undated documents. The `date` column lives in the
//! directory name, not in the files (Spark's convention), so readers that add partition
//! columns see it once. Snappy compression.
//!
//! Documents sorted by date give one file per table and date; a date met again later gets a
//! further part file, never an overwrite.

use crate::{date_string, record_batches, schema, TablesError};
use arrow_array::RecordBatch;
use newsgraph_model::Document;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

/// The partition directory name of undated rows.
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// Table names, in the order of [`crate::Tables::named`].
pub const TABLES: [&str; 5] = ["documents", "entities", "quotes", "attributions", "events"];

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Rows per table, in the order of [`TABLES`].
    pub rows: [u64; 5],
    /// Parquet files written.
    pub files: u64,
}

/// Writes documents into date-partitioned Parquet tables under one directory.
pub struct PartitionedWriter {
    root: PathBuf,
    open: Option<(Option<i32>, Vec<ArrowWriter<File>>)>,
    parts: HashMap<Option<i32>, u32>,
    written: Written,
}

impl std::fmt::Debug for PartitionedWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartitionedWriter").field("root", &self.root).field("written", &self.written).finish()
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TablesError + '_ {
    move |source| TablesError::Io { path: path.to_path_buf(), source }
}

/// The schema of a table as written to files: without the partition column.
fn without_date(batch: &RecordBatch) -> Result<RecordBatch, TablesError> {
    let keep: Vec<usize> =
        (0..batch.num_columns()).filter(|&i| batch.schema().field(i).name() != schema::DATE).collect();
    Ok(batch.project(&keep)?)
}

impl PartitionedWriter {
    /// Prepare `root` (created if missing); refuses a directory that already holds tables.
    pub fn create(root: &Path) -> Result<PartitionedWriter, TablesError> {
        for table in TABLES {
            let dir = root.join(table);
            if dir.exists() && std::fs::read_dir(&dir).map_err(io(&dir))?.next().is_some() {
                return Err(TablesError::Io {
                    path: dir,
                    source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already holds an export"),
                });
            }
        }
        std::fs::create_dir_all(root).map_err(io(root))?;
        Ok(PartitionedWriter {
            root: root.to_path_buf(),
            open: None,
            parts: HashMap::new(),
            written: Written::default(),
        })
    }

    /// Write documents; they are grouped by publication date.
    pub fn write(&mut self, docs: &[Document]) -> Result<(), TablesError> {
        let mut start = 0;
        while start < docs.len() {
            let date = crate::date32(docs[start].meta.published.as_deref());
            let mut end = start + 1;
            while end < docs.len() && crate::date32(docs[end].meta.published.as_deref()) == date {
                end += 1;
            }
            self.write_date(date, &docs[start..end])?;
            start = end;
        }
        Ok(())
    }

    fn write_date(&mut self, date: Option<i32>, docs: &[Document]) -> Result<(), TablesError> {
        if self.open.as_ref().map(|o| o.0) != Some(date) {
            self.close()?;
            let part = self.parts.entry(date).or_insert(0);
            let name = format!("part-{part:05}.parquet");
            *part += 1;
            let partition = match date {
                Some(d) => format!("{}={}", schema::DATE, date_string(d)),
                None => format!("{}={NULL_PARTITION}", schema::DATE),
            };
            let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
            let empty = record_batches(&[])?;
            let mut writers = Vec::with_capacity(5);
            for (table, batch) in empty.named() {
                let dir = self.root.join(table).join(&partition);
                std::fs::create_dir_all(&dir).map_err(io(&dir))?;
                let path = dir.join(&name);
                let file = File::create(&path).map_err(io(&path))?;
                let file_schema = without_date(batch)?.schema();
                writers.push(ArrowWriter::try_new(file, file_schema, Some(properties.clone()))?);
                self.written.files += 1;
            }
            self.open = Some((date, writers));
        }
        let tables = record_batches(docs)?;
        if let Some((_, writers)) = &mut self.open {
            for (i, (_, batch)) in tables.named().into_iter().enumerate() {
                if batch.num_rows() > 0 {
                    writers[i].write(&without_date(batch)?)?;
                    self.written.rows[i] += batch.num_rows() as u64;
                }
            }
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), TablesError> {
        if let Some((_, writers)) = self.open.take() {
            for w in writers {
                w.close()?;
            }
        }
        Ok(())
    }

    /// Close the open files and report what was written.
    pub fn finish(mut self) -> Result<Written, TablesError> {
        self.close()?;
        Ok(self.written)
    }
}
