//! `newsgraph serve`: the JSON API and the web page over a store, on localhost by default;
//! with `--samples`, first ingests the bundled sample articles into a fresh store.

use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use newsgraph_ingest::ReadOptions;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The store to serve (opened read-only; an ingest may write to it meanwhile).
    #[arg(long, default_value = newsgraph_store::DEFAULT_FILE, value_name = "FILE")]
    pub store: PathBuf,

    /// Address to listen on. Anything but a loopback address exposes the store to the network.
    #[arg(long, default_value = newsgraph_server::DEFAULT_ADDR, value_name = "HOST:PORT")]
    pub addr: SocketAddr,

    /// Ingest the bundled sample articles into a temporary store and serve that instead.
    #[arg(long, conflicts_with = "store")]
    pub samples: bool,

    /// Database connections answering at once.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub readers: usize,
}

/// The sample articles shipped in the repository, relative to the working directory when
/// inside it (document ids are paths, and short ones read better).
fn samples_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let dir = dir.canonicalize().unwrap_or(dir);
    match std::env::current_dir().ok().and_then(|cwd| dir.strip_prefix(cwd).ok().map(PathBuf::from)) {
        Some(relative) if !relative.as_os_str().is_empty() => relative,
        _ => dir,
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut _temporary = None;
    let store = if args.samples {
        let samples = samples_dir();
        if !samples.is_dir() {
            bail!(
                "the sample articles are not at `{}` (run from a clone of the repository)",
                samples.display()
            );
        }
        let dir = tempfile::tempdir().context("cannot create a temporary directory for the sample store")?;
        let path = dir.path().join("samples.db");
        crate::commands::ingest::ingest_paths(
            &newsgraph_engine::Engine::english(),
            &[samples],
            &path,
            &ReadOptions::default(),
            false,
            256,
            false,
        )?;
        _temporary = Some(dir);
        path
    } else {
        if !args.store.exists() {
            bail!(
                "no store at `{}`: create one with `newsgraph ingest --store {} FILES…`, or try `newsgraph serve --samples`",
                args.store.display(),
                args.store.display()
            );
        }
        args.store.clone()
    };
    if !args.addr.ip().is_loopback() {
        eprintln!("newsgraph: warning: listening on {}, reachable from other machines", args.addr);
    }
    let config = newsgraph_server::Config { store: store.clone(), addr: args.addr, readers: args.readers };
    newsgraph_server::serve(&config, |addr| {
        eprintln!(
            "newsgraph: serving {} at http://{addr}/ (API: http://{addr}/api/openapi.json); Ctrl-C stops",
            store.display()
        );
    })
    .context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}
