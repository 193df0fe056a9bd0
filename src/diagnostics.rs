//! One diagnostic type for every phase and the one renderer that prints it.
//!
//! Phases report [`Diagnostic`]s; only this module knows the rendering crate.

use crate::source::{SourceMap, Span};
use annotate_snippets::{Level, Renderer, Snippet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A message about the program, pointing at the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    /// Secondary places ("previous declaration is here", "in expansion of macro").
    pub notes: Vec<(String, Option<Span>)>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: Some(span),
            notes: Vec::new(),
        }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// An error that belongs to no place in the source (a missing file, say).
    pub fn bare(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            notes: Vec::new(),
        }
    }

    pub fn with_note(mut self, message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        self.notes.push((message.into(), span));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders diagnostics as `error: MESSAGE`, `--> FILE:LINE:COL`, the line and a caret.
pub struct DiagnosticRenderer<'a> {
    sources: &'a SourceMap,
    renderer: Renderer,
}

impl<'a> DiagnosticRenderer<'a> {
    /// Plain text, as tests and pipes want it.
    pub fn plain(sources: &'a SourceMap) -> Self {
        DiagnosticRenderer {
            sources,
            renderer: Renderer::plain(),
        }
    }

    /// With terminal colours.
    pub fn styled(sources: &'a SourceMap) -> Self {
        DiagnosticRenderer {
            sources,
            renderer: Renderer::styled(),
        }
    }

    pub fn render(&self, diag: &Diagnostic) -> String {
        let level = match diag.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let mut out = self.render_one(level, &diag.message, diag.span);
        for (note, span) in &diag.notes {
            out.push('\n');
            out.push_str(&self.render_one(Level::Note, note, *span));
        }
        out
    }

    pub fn render_all(&self, diags: &[Diagnostic]) -> String {
        diags
            .iter()
            .map(|d| self.render(d) + "\n")
            .collect::<Vec<_>>()
            .join("")
    }

    fn render_one(&self, level: Level, message: &str, span: Option<Span>) -> String {
        let Some(span) = span else {
            return self.renderer.render(level.title(message)).to_string();
        };
        let file = self.sources.file(span.file);
        // Show just the lines the span covers, so long files render quickly.
        let (first, _) = file.line_col(span.lo);
        let (last, _) = file.line_col(span.hi.max(span.lo));
        let start = file.line_start(first) as usize;
        let end = if last < file.line_count() {
            file.line_start(last + 1) as usize
        } else {
            file.text.len()
        };
        let end = end.max(start);
        let source = &file.text[start..end];
        let lo = (span.lo as usize - start).min(source.len());
        let hi = (span.hi as usize)
            .saturating_sub(start)
            .clamp(lo, source.len());
        // A zero-width span still gets a caret.
        let hi = if hi == lo && lo < source.trim_end().len() {
            lo + 1
        } else {
            hi
        };
        let message = level.title(message).snippet(
            Snippet::source(source)
                .line_start(first as usize)
                .origin(&file.name)
                .annotation(level.span(lo..hi)),
        );
        self.renderer.render(message).to_string()
    }
}
