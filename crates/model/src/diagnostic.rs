//! Diagnostics: what a component noticed about a document that a user should know.
//!
//! Components never fail on bad input: they record a diagnostic and carry on.

use crate::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing, nothing lost ("language detected as German").
    #[default]
    Info,
    /// Part of the document could not be used as intended.
    Warning,
    /// The document could not be analysed.
    Error,
}

impl Severity {
    /// The label used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One remark about a document from one stage of the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Info, warning or error.
    pub severity: Severity,
    /// The stage that raised it (`"ingest"`, `"sentences"`, `"quotes"`, …).
    pub stage: String,
    /// What happened, in words for people.
    pub message: String,
    /// Where in the text, if the remark is about a place.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A diagnostic with no location.
    pub fn new(severity: Severity, stage: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity, stage: stage.to_string(), message: message.into(), span: None }
    }

    /// Attach a location.
    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }
}
