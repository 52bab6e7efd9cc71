//! A small pool of read-only store connections, used from async handlers through a blocking
//! thread so that a slow question never stalls the server's event loop.

use crate::error::Failure;
use newsgraph_store::{Result, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Read-only connections to one store, at most `size` in use at once.
#[derive(Debug)]
pub struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl Readers {
    /// Open the first connection now (so a missing or foreign file fails at start-up).
    pub fn open(path: &Path, size: usize) -> Result<Readers> {
        let first = Store::open_read_only(path)?;
        Ok(Readers {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Semaphore::new(size.max(1)),
        })
    }

    /// Run a question on a connection from the pool.
    pub async fn ask<T, F>(self: &Arc<Self>, question: F) -> std::result::Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T> + Send + 'static,
    {
        let _permit =
            self.permits.acquire().await.map_err(|_| Failure::bad_request("the server is shutting down"))?;
        let readers = Arc::clone(self);
        let answer = tokio::task::spawn_blocking(move || -> Result<T> {
            let store = readers.take()?;
            let answer = question(&store);
            readers.put(store);
            answer
        })
        .await
        .map_err(|e| Failure {
            status: axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("the question failed: {e}"),
        })?;
        Ok(answer?)
    }

    fn take(&self) -> Result<Store> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path),
        }
    }

    fn put(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}
