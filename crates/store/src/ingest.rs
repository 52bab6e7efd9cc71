//! Ingest: read, analyse and store a stream of documents on all cores, skipping what the
//! store already holds, one transaction per batch.
//!
//! Three stages run at once: a reader thread (the caller's document iterator, plus the check
//! against the store that lets a re-run skip what it stored before without analysing it),
//! the analysis on the calling thread (the caller's function, which may use every core), and
//! a writer thread that commits each batch in one transaction. Channels between the stages
//! hold two batches at most, so memory does not grow with the corpus. A run killed at any
//! moment keeps every batch it committed; running it again stores the rest.
//! This module knows neither the readers nor the pipeline: both are arguments.

use crate::{BatchOutcome, Incoming, Result, Seen, Store, StoreError};
use newsgraph_model::Document;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::time::{Duration, Instant};

/// How to batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Documents analysed and committed together.
    pub batch_documents: usize,
    /// A batch closes early once its texts reach this many bytes.
    pub batch_bytes: usize,
    /// Analyse and store again documents the store already holds unchanged.
    pub reanalyse: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { batch_documents: 256, batch_bytes: 16 << 20, reanalyse: false }
    }
}

/// Counters of an ingest run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents read.
    pub read: u64,
    /// Inputs or records that could not be read.
    pub read_errors: u64,
    /// Documents found already stored with the same content, not analysed again.
    pub skipped: u64,
    /// What the writer did with the rest.
    pub written: BatchOutcome,
    /// Documents analysed.
    pub analysed: u64,
    /// Time since the run started.
    pub elapsed: Duration,
}

impl Progress {
    /// Documents handled (committed or skipped) per second so far.
    pub fn per_second(&self) -> f64 {
        let done = self.written.stored + self.written.replaced + self.written.unchanged + self.skipped;
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            done as f64 / secs
        } else {
            0.0
        }
    }
}

/// What an ingest reports while it runs.
#[derive(Debug)]
pub enum Event<'a> {
    /// An input or record could not be read; the run goes on.
    ReadError(&'a str),
    /// A batch was committed (or skipped): the counters so far.
    Progress(&'a Progress),
}

enum Read {
    Batch(Vec<Incoming>),
    Skipped(u64),
    Error(String),
}

/// Ingest `documents` into the store at `path` (created if needed), analysing each batch with
/// `analyze`. Returns the final counters; fails only if the store cannot be written.
pub fn run<I, E, A>(
    path: &Path,
    documents: I,
    analyze: A,
    options: Options,
    mut on_event: impl FnMut(Event<'_>),
) -> Result<Progress>
where
    I: Iterator<Item = std::result::Result<Document, E>> + Send,
    E: std::fmt::Display,
    A: Fn(&mut [Document]) + Sync,
{
    let started = Instant::now();
    let mut writer = Store::open(path)?;
    let checker = Store::open_read_only(path)?;
    let mut progress = Progress::default();
    let batch_documents = options.batch_documents.max(1);

    std::thread::scope(|scope| -> Result<Progress> {
        let (read_tx, read_rx) = mpsc::sync_channel::<Read>(2);
        let (write_tx, write_rx) = mpsc::sync_channel::<Vec<Incoming>>(2);
        let (done_tx, done_rx) = mpsc::channel::<BatchOutcome>();

        let reader = scope.spawn(move || read_stage(documents, &checker, options, batch_documents, read_tx));
        let writer = scope.spawn(move || write_stage(&mut writer, options.reanalyse, write_rx, done_tx));

        let mut write_tx = Some(write_tx);
        let mut writer_stopped = false;
        for message in read_rx.iter() {
            match message {
                Read::Error(message) => {
                    progress.read_errors += 1;
                    on_event(Event::ReadError(&message));
                }
                Read::Skipped(n) => {
                    progress.read += n;
                    progress.skipped += n;
                }
                Read::Batch(batch) => {
                    progress.read += batch.len() as u64;
                    let (hashes, mut docs): (Vec<_>, Vec<_>) =
                        batch.into_iter().map(|i| (i.hash, i.doc)).unzip();
                    analyze(&mut docs);
                    progress.analysed += docs.len() as u64;
                    let batch =
                        hashes.into_iter().zip(docs).map(|(hash, doc)| Incoming { hash, doc }).collect();
                    if write_tx.as_ref().is_some_and(|tx| tx.send(batch).is_err()) {
                        writer_stopped = true;
                        break;
                    }
                }
            }
            drain(&done_rx, &mut progress);
            progress.elapsed = started.elapsed();
            on_event(Event::Progress(&progress));
        }
        drop(read_rx);
        write_tx.take();
        let written = writer.join().map_err(|_| StoreError::Worker("the writer panicked".into()))?;
        let read = reader.join().map_err(|_| StoreError::Worker("the reader panicked".into()))?;
        written?;
        if !writer_stopped {
            read?;
        }
        for outcome in done_rx.try_iter() {
            progress.written.add(outcome);
        }
        progress.elapsed = started.elapsed();
        on_event(Event::Progress(&progress));
        Ok(progress)
    })
}

fn drain(done: &Receiver<BatchOutcome>, progress: &mut Progress) {
    loop {
        match done.try_recv() {
            Ok(outcome) => progress.written.add(outcome),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => return,
        }
    }
}

fn read_stage<I, E>(
    documents: I,
    checker: &Store,
    options: Options,
    batch_documents: usize,
    out: SyncSender<Read>,
) -> Result<()>
where
    I: Iterator<Item = std::result::Result<Document, E>>,
    E: std::fmt::Display,
{
    let mut batch: Vec<Incoming> = Vec::with_capacity(batch_documents);
    let mut bytes = 0usize;
    let mut skipped = 0u64;
    for item in documents {
        match item {
            Err(error) => {
                if out.send(Read::Error(error.to_string())).is_err() {
                    return Ok(());
                }
            }
            Ok(doc) => {
                let incoming = Incoming::new(doc);
                if !options.reanalyse && checker.seen(&incoming.doc.id, incoming.hash)? == Seen::Unchanged {
                    skipped += 1;
                    if skipped >= batch_documents as u64 {
                        if out.send(Read::Skipped(skipped)).is_err() {
                            return Ok(());
                        }
                        skipped = 0;
                    }
                    continue;
                }
                bytes += incoming.doc.text.len();
                batch.push(incoming);
                if batch.len() >= batch_documents || bytes >= options.batch_bytes {
                    bytes = 0;
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_documents));
                    if out.send(Read::Batch(full)).is_err() {
                        return Ok(());
                    }
                }
            }
        }
    }
    if skipped > 0 && out.send(Read::Skipped(skipped)).is_err() {
        return Ok(());
    }
    if !batch.is_empty() {
        let _ = out.send(Read::Batch(batch));
    }
    Ok(())
}

fn write_stage(
    store: &mut Store,
    force: bool,
    batches: Receiver<Vec<Incoming>>,
    done: mpsc::Sender<BatchOutcome>,
) -> Result<()> {
    for mut batch in batches {
        let outcome = if force { store.replace_batch(&mut batch)? } else { store.write_batch(&mut batch)? };
        // The receiver only goes away once everything is finished.
        let _ = done.send(outcome);
    }
    Ok(())
}
