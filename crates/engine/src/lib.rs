//! The newsgraph engine: the default pipeline for English news and parallel batch analysis.
//!
//! The pipeline is an explicit, ordered list of components — segmentation, tagging,
//! parsing, named entities, entity linking, attribution, actors and events — checked once
//! when the engine is built. Analysis of one document is a pure function of the document,
//! so batches run in parallel on all cores and scale out by sharding.
//!
//! ```
//! use newsgraph_engine::Engine;
//! use newsgraph_model::Document;
//!
//! let engine = Engine::english();
//! let mut doc = Document::new("d1", "“We will not comment,” a spokesman said on Monday.");
//! engine.analyze(&mut doc);
//! assert_eq!(doc.quotes.len(), 1);
//! ```

use newsgraph_events::ActorDictionary;
use newsgraph_model::{Component, Document, Pipeline, Severity};
use rayon::prelude::*;
use std::sync::Arc;

/// Languages the default pipeline is built for.
pub const LANGUAGES: &[&str] = &["en"];

/// The analysis engine.
#[derive(Debug)]
pub struct Engine {
    pipeline: Pipeline,
}

impl Engine {
    /// The default pipeline for English, with the models built into the binary.
    pub fn english() -> Engine {
        Engine::english_with_coders(newsgraph_events::ActorCoder::new(), newsgraph_events::EventCoder::new())
    }

    /// The default pipeline for English with the caller's actor dictionary (for example the
    /// built-in one extended with PETRARCH dictionaries by `newsgraph_events::petrarch`).
    pub fn english_with_actors(dictionary: Arc<ActorDictionary>) -> Engine {
        Engine::english_with_coders(
            newsgraph_events::ActorCoder::with_dictionary(Arc::clone(&dictionary)),
            newsgraph_events::EventCoder::with_dictionary(dictionary),
        )
    }

    fn english_with_coders(
        actors: newsgraph_events::ActorCoder,
        events: newsgraph_events::EventCoder,
    ) -> Engine {
        let mut components: Vec<Box<dyn Component>> = vec![Box::new(newsgraph_text::Segmenter)];
        // The statistical models are compiled in; a damaged model file is caught by the tests.
        components.extend(newsgraph_nlp::components::default_components().unwrap_or_default());
        components.extend::<Vec<Box<dyn Component>>>(vec![
            Box::new(newsgraph_attribution::names::MentionRepair),
            Box::new(newsgraph_entities::EntityLinker),
            Box::new(newsgraph_attribution::Attributor),
            Box::new(actors),
            Box::new(events),
        ]);
        match Pipeline::new(components) {
            Ok(pipeline) => Engine { pipeline },
            // The list above is fixed: an ordering mistake is a bug caught by the tests.
            Err(e) => unreachable!("default pipeline is out of order: {e}"),
        }
    }

    /// An engine over a pipeline of the caller's choosing.
    pub fn with_pipeline(pipeline: Pipeline) -> Engine {
        Engine { pipeline }
    }

    /// Names of the pipeline's components, in order.
    pub fn components(&self) -> Vec<&'static str> {
        self.pipeline.names()
    }

    /// Analyse one document in place. A document declared or detected to be in a language
    /// the pipeline does not read is segmented only, with a diagnostic.
    pub fn analyze(&self, doc: &mut Document) {
        if let Some(language) = doc.meta.language.as_deref() {
            if !LANGUAGES.contains(&language) {
                doc.diagnose(
                    Severity::Warning,
                    "engine",
                    format!(
                        "language `{language}` is not supported: entities, quotes and events not extracted"
                    ),
                );
                newsgraph_text::segment(doc);
                return;
            }
        }
        self.pipeline.run(doc);
    }

    /// Analyse one document, adding each component's time to `times` (see
    /// [`Pipeline::run_profiled`]).
    pub fn analyze_profiled(&self, doc: &mut Document, times: &mut Vec<std::time::Duration>) {
        if doc.meta.language.as_deref().is_some_and(|l| !LANGUAGES.contains(&l)) {
            self.analyze(doc);
        } else {
            self.pipeline.run_profiled(doc, times);
        }
    }

    /// Analyse many documents on all cores; the order is kept.
    pub fn analyze_all(&self, docs: &mut [Document]) {
        docs.par_iter_mut().for_each(|doc| self.analyze(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pipeline_is_in_order() {
        let engine = Engine::english();
        assert_eq!(engine.components().first(), Some(&"segmenter"));
    }

    #[test]
    fn foreign_language_is_segmented_only() {
        let engine = Engine::english();
        let mut doc = Document::new("de", "„Wir sagen nichts“, sagte der Sprecher.");
        doc.meta.language = Some("de".into());
        engine.analyze(&mut doc);
        assert!(doc.quotes.is_empty() && !doc.tokens.is_empty());
        assert_eq!(doc.diagnostics[0].severity, Severity::Warning);
    }

    #[test]
    fn batches_keep_order() {
        let engine = Engine::english();
        let mut docs: Vec<Document> =
            (0..20).map(|i| Document::new(format!("d{i}"), format!("Story {i}. “Yes,” he said."))).collect();
        engine.analyze_all(&mut docs);
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(doc.id, format!("d{i}"));
            assert!(!doc.sentences.is_empty());
        }
    }
}
