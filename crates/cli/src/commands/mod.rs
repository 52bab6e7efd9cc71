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

/// The PETRARCH-format actor and agent files of `dir` added to the built-in actor dictionary.
pub fn load_petrarch(
    dir: &std::path::Path,
) -> anyhow::Result<std::sync::Arc<newsgraph_events::ActorDictionary>> {
    use anyhow::Context;
    let dictionary = newsgraph_events::petrarch::load_directory(dir)
        .with_context(|| format!("cannot load PETRARCH dictionaries from `{}`", dir.display()))?;
    Ok(std::sync::Arc::new(dictionary))
}

/// The default engine, with the actor dictionary extended by the PETRARCH-format actor and
/// agent files of `petrarch_dir` when one is given.
pub fn engine(petrarch_dir: Option<&std::path::Path>) -> anyhow::Result<newsgraph_engine::Engine> {
    Ok(match petrarch_dir {
        Some(dir) => newsgraph_engine::Engine::english_with_actors(load_petrarch(dir)?),
        None => newsgraph_engine::Engine::english(),
    })
}
