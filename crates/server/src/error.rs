//! Errors of the server: what stops it from starting, and how a failed request is answered.

use axum::http::StatusCode;
use newsgraph_store::StoreError;
use std::net::SocketAddr;

/// What keeps the server from running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The async runtime could not start.
    #[error("cannot start the server runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("server stopped: {0}")]
    Serve(#[source] std::io::Error),
}

/// A request that could not be answered: a status and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// HTTP status (4xx for the caller's mistakes, 5xx for the store's).
    pub status: StatusCode,
    /// What went wrong.
    pub message: String,
}

impl Failure {
    /// A 400 answer.
    pub fn bad_request(message: impl Into<String>) -> Failure {
        Failure { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    /// A 404 answer.
    pub fn not_found(message: impl Into<String>) -> Failure {
        Failure { status: StatusCode::NOT_FOUND, message: message.into() }
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        match error {
            StoreError::BadQuery(message) => Failure::bad_request(message),
            other => {
                eprintln!("newsgraph serve: {other}");
                Failure {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    message: format!("the store could not answer: {other}"),
                }
            }
        }
    }
}
