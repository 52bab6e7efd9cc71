//! newsgraph-server: the HTTP API and the web page over a newsgraph store.
//!
//! The API answers the store's questions as JSON under `/api/` (described by the OpenAPI
//! document at `/api/openapi.json`, see `docs/api.md`); the web page at `/` lets people
//! search, read an article with its quotations, speakers, claims and events highlighted, see
//! a person's or an actor's page with a timeline, and a network picture of actors. Pages are
//! rendered on the server with every piece of stored text escaped, and carry no script.
//!
//! The server only reads: it opens the store read-only, a few connections at a time, so an
//! ingest can write to the same file while it answers. Malformed requests get a 4xx answer
//! with a message; it binds to localhost unless told otherwise.

mod api;
mod charts;
mod error;
mod pages;
mod pool;
mod text;

pub use error::ServerError;
pub use pool::Readers;

use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The address the server binds to unless told otherwise.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The OpenAPI description of the JSON API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// What to serve and where.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store file (it must exist; it is opened read-only).
    pub store: PathBuf,
    /// Address to bind.
    pub addr: SocketAddr,
    /// Database connections answering at once.
    pub readers: usize,
}

/// The application: routes for the API and the pages over a pool of store readers.
pub fn router(readers: Arc<Readers>) -> Router {
    Router::new().merge(api::routes()).merge(pages::routes()).with_state(readers)
}

/// Bind and serve until interrupted (Ctrl-C). Calls `on_ready` with the bound address.
pub fn serve(config: &Config, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let readers = Arc::new(Readers::open(&config.store, config.readers)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(2)
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServerError::Bind { addr: config.addr, source })?;
        let addr = listener.local_addr().map_err(|source| ServerError::Bind { addr: config.addr, source })?;
        on_ready(addr);
        axum::serve(listener, router(readers))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServerError::Serve)
    })
}
