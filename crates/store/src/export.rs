//! Reading documents back out of the store in order: every stored record, or those of a
//! period, streamed in batches so an export of any size runs in bounded memory.
//!
//! The JSON Lines export lives here; the Parquet and GDELT exports call [`Store::for_each_batch`]
//! and hand the documents to their own writers.

use crate::questions::Period;
use crate::{decode_record, Result, Store};
use newsgraph_model::{wire, Document};
use rusqlite::types::Value;
use std::io::Write;

impl Store {
    /// Call `f` with the stored documents of a period, `batch` at a time, by publication day
    /// (undated documents first), then in storage order.
    /// Documents without a day are included only when the period is open at both ends.
    pub fn for_each_batch(
        &self,
        period: &Period,
        batch: usize,
        mut f: impl FnMut(Vec<Document>) -> Result<()>,
    ) -> Result<u64> {
        let size = batch.max(1);
        let mut pending: Vec<Document> = Vec::with_capacity(size);
        let n = self.for_each_record(period, |record| {
            pending.push(record.into_document());
            if pending.len() >= size {
                f(std::mem::take(&mut pending))?;
            }
            Ok(())
        })?;
        if !pending.is_empty() {
            f(pending)?;
        }
        Ok(n)
    }

    /// Call `f` with every stored record of a period, by publication day (undated first), then
    /// in storage order.
    pub fn for_each_record(
        &self,
        period: &Period,
        mut f: impl FnMut(wire::Record) -> Result<()>,
    ) -> Result<u64> {
        period.validate()?;
        let mut sql = String::from("SELECT id, record, text FROM documents WHERE 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(from) = &period.from {
            sql.push_str(" AND day >= ?");
            args.push(Value::Text(from.clone()));
        }
        if let Some(to) = &period.to {
            sql.push_str(" AND day <= ?");
            args.push(Value::Text(to.clone()));
        }
        sql.push_str(" ORDER BY day, doc");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut n = 0u64;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let json: String = row.get(1)?;
            let record = decode_record(&id, &json, row.get(2)?)?;
            f(record)?;
            n += 1;
        }
        Ok(n)
    }

    /// Write the stored records of a period as `newsgraph/1` JSON Lines.
    pub fn export_json_lines(&self, period: &Period, out: &mut dyn Write) -> Result<u64> {
        self.for_each_record(period, |record| {
            writeln!(out, "{}", record.to_json_line()).map_err(crate::StoreError::Write)
        })
    }
}
