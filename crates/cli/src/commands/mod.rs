//! One module per subcommand: argument types and a `run` function.

pub mod analyze;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod nlp;
pub mod query;
pub mod serve;
