//! The pipeline: an ordered list of components, each a function over a document that says
//! which layers of annotation it reads and which it writes.
//!
//! Building a pipeline checks that every layer a component reads is written by an earlier
//! one. Running it never fails: a component that panics is reported as a diagnostic on that
//! document and the rest of the pipeline is skipped for it, so one bad document cannot stop a
//! batch.

use crate::{Document, Severity};
use std::fmt;

/// A kind of annotation on a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The clean text and metadata (given by the reader).
    Text,
    /// Paragraph spans.
    Paragraphs,
    /// Sentence spans.
    Sentences,
    /// Token spans.
    Tokens,
    /// Quotation-mark pairs.
    Quoted,
    /// Part-of-speech tags.
    Tags,
    /// Lemmas.
    Lemmas,
    /// Dependency heads and relations.
    Parse,
    /// Named-entity mentions.
    Names,
    /// Entities grouping mentions, with canonical names.
    Entities,
    /// Quotations.
    Quotes,
    /// Attributed claims.
    Attributions,
    /// Actor codes on entities.
    Actors,
    /// Coded events.
    Events,
}

/// One step of analysis.
pub trait Component: Send + Sync {
    /// A short name, used in diagnostics (`"sentences"`, `"tagger"`).
    fn name(&self) -> &'static str;
    /// Layers this component needs.
    fn reads(&self) -> &'static [Layer];
    /// Layers this component sets.
    fn writes(&self) -> &'static [Layer];
    /// Annotate the document. Must not fail: problems become diagnostics.
    fn annotate(&self, doc: &mut Document);
}

/// A pipeline whose components were found to be in a workable order.
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.components.iter().map(|c| c.name())).finish()
    }
}

/// A pipeline that cannot run because a component needs a layer nobody sets before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingLayer {
    /// The component that needs the layer.
    pub component: &'static str,
    /// The layer.
    pub layer: Layer,
}

impl fmt::Display for MissingLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "component `{}` reads {:?}, which no earlier component writes", self.component, self.layer)
    }
}

impl std::error::Error for MissingLayer {}

impl Pipeline {
    /// Check the order of the components and build the pipeline.
    pub fn new(components: Vec<Box<dyn Component>>) -> Result<Pipeline, MissingLayer> {
        let mut available = vec![Layer::Text];
        for component in &components {
            for &layer in component.reads() {
                if !available.contains(&layer) {
                    return Err(MissingLayer { component: component.name(), layer });
                }
            }
            available.extend_from_slice(component.writes());
        }
        Ok(Pipeline { components })
    }

    /// Names of the components, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// True if some component writes `layer`.
    pub fn writes(&self, layer: Layer) -> bool {
        self.components.iter().any(|c| c.writes().contains(&layer))
    }

    /// Run every component on the document, in order.
    pub fn run(&self, doc: &mut Document) {
        self.run_inner(doc, None);
    }

    /// Run every component, adding the time each one took to `times` (one entry per
    /// component, in order; a shorter slice is extended).
    pub fn run_profiled(&self, doc: &mut Document, times: &mut Vec<std::time::Duration>) {
        if times.len() < self.components.len() {
            times.resize(self.components.len(), std::time::Duration::ZERO);
        }
        self.run_inner(doc, Some(times));
    }

    fn run_inner(&self, doc: &mut Document, mut times: Option<&mut Vec<std::time::Duration>>) {
        for (i, component) in self.components.iter().enumerate() {
            let started = times.as_ref().map(|_| std::time::Instant::now());
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| component.annotate(doc)));
            if let (Some(times), Some(started)) = (times.as_mut(), started) {
                times[i] += started.elapsed();
            }
            if let Err(panic) = outcome {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_string());
                doc.diagnose(
                    Severity::Error,
                    component.name(),
                    format!("internal error, analysis stopped for this document: {what}"),
                );
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);

    impl Component for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn reads(&self) -> &'static [Layer] {
            self.1
        }
        fn writes(&self) -> &'static [Layer] {
            self.2
        }
        fn annotate(&self, doc: &mut Document) {
            if self.0 == "boom" {
                panic!("kaboom");
            }
            doc.text.push_str(self.0);
        }
    }

    #[test]
    fn order_is_checked() {
        let bad = Pipeline::new(vec![Box::new(Fake("tagger", &[Layer::Tokens], &[Layer::Tags]))]);
        assert_eq!(bad.unwrap_err(), MissingLayer { component: "tagger", layer: Layer::Tokens });
        let good = Pipeline::new(vec![
            Box::new(Fake("tok", &[Layer::Text], &[Layer::Tokens])),
            Box::new(Fake("tagger", &[Layer::Tokens], &[Layer::Tags])),
        ])
        .unwrap();
        assert_eq!(good.names(), ["tok", "tagger"]);
        assert!(good.writes(Layer::Tags));
    }

    #[test]
    fn a_panicking_component_becomes_a_diagnostic() {
        let pipeline = Pipeline::new(vec![
            Box::new(Fake("a", &[], &[])),
            Box::new(Fake("boom", &[], &[])),
            Box::new(Fake("c", &[], &[])),
        ])
        .unwrap();
        let mut doc = Document::new("x", "");
        let mut times = Vec::new();
        pipeline.run_profiled(&mut doc, &mut times);
        assert_eq!(times.len(), 3);
        assert_eq!(doc.text, "a");
        assert!(doc.has_errors());
        assert_eq!(doc.diagnostics[0].stage, "boom");
        assert!(doc.diagnostics[0].message.contains("kaboom"));
    }
}
