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

    /// Every diagnostic, up to the [`MAX_ERRORS`]th error; a note then says how many more
    /// there were (as gcc's `-fmax-errors`), so that a file of errors prints in time
    /// linear in what is shown.
    pub fn render_all(&self, diags: &[Diagnostic]) -> String {
        let mut out = String::new();
        let mut errors = 0;
        for (i, d) in diags.iter().enumerate() {
            if errors == MAX_ERRORS {
                let rest = &diags[i..];
                let more = rest.iter().filter(|d| d.is_error()).count();
                let warnings = rest.len() - more;
                let and = match warnings {
                    0 => String::new(),
                    1 => " and 1 warning".to_string(),
                    n => format!(" and {n} warnings"),
                };
                let message = format!(
                    "{more} more error{}{and} not shown: segvm stops after {MAX_ERRORS} errors (as gcc -fmax-errors={MAX_ERRORS})",
                    if more == 1 { "" } else { "s" }
                );
                out.push_str(
                    &self
                        .renderer
                        .render(Level::Note.title(&message))
                        .to_string(),
                );
                out.push('\n');
                break;
            }
            errors += d.is_error() as usize;
            out.push_str(&self.render(d));
            out.push('\n');
        }
        out
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
        // Of a very long line, only a window around the span.
        let (source, lo, hi, col) = match window(source, lo, hi) {
            Some(w) => (w.text, w.lo, w.hi, Some((w.shown_col, w.col))),
            None => (source.to_string(), lo, hi, None),
        };
        // A zero-width span still gets a caret.
        let hi = if hi == lo && lo < source.trim_end().len() {
            lo + 1
        } else {
            hi
        };
        let message = level.title(message).snippet(
            Snippet::source(&source)
                .line_start(first as usize)
                .origin(&file.name)
                .annotation(level.span(lo..hi)),
        );
        let out = self.renderer.render(message).to_string();
        match col {
            // The renderer counts the column in the window: give the line's own.
            Some((shown, real)) => {
                let at = |c| format!("{}:{first}:{c}", file.name);
                out.replacen(&at(shown), &at(real), 1)
            }
            None => out,
        }
    }
}

/// Errors of one compilation shown before the rest are summed up in a note.
pub const MAX_ERRORS: usize = 100;

/// A source line longer than this is shown as a window around the span.
const LONG_LINE: usize = 200;
/// Bytes of the line shown on each side of the span (and of a long span itself), so a
/// windowed snippet fits the renderer's 140 columns.
const CONTEXT: usize = 40;

/// A window of a long line, with the span's place in it.
struct Window {
    text: String,
    lo: usize,
    hi: usize,
    /// The 1-based column of the span's start in the window, and in the whole line.
    shown_col: usize,
    col: usize,
}

/// Cuts the first line of `source` (where the span starts) to a window around
/// `lo..hi`, marking cut ends with `...`; `None` if the line is short.
fn window(source: &str, lo: usize, hi: usize) -> Option<Window> {
    let lo = source.floor_char_boundary(lo);
    let hi = source.ceil_char_boundary(hi.max(lo));
    let line_end = source[lo..].find('\n').map_or(source.len(), |i| lo + i);
    let line_start = source[..lo].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[line_start..line_end];
    if line.len() <= LONG_LINE {
        return None;
    }
    let (lo, hi) = (lo - line_start, hi.min(line_end) - line_start);
    let start = line.floor_char_boundary(lo.saturating_sub(CONTEXT));
    let end = line.ceil_char_boundary(hi.min(lo + CONTEXT) + CONTEXT);
    let prefix = if start > 0 { "..." } else { "" };
    let suffix = if end < line.len() { "..." } else { "" };
    let text = format!("{prefix}{}{suffix}", &line[start..end]);
    let shift = |at: usize| at.clamp(start, end) - start + prefix.len();
    Some(Window {
        lo: shift(lo),
        hi: shift(hi),
        shown_col: text[..shift(lo)].chars().count() + 1,
        col: line[..lo].chars().count() + 1,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole() {
        assert!(window("int x = @;\n", 8, 9).is_none());
    }

    #[test]
    fn a_long_line_is_cut_at_character_boundaries() {
        // 300 two-byte characters, the span on the 151st.
        let line = "é".repeat(300);
        let w = window(&line, 300, 302).expect("a window");
        assert!(w.text.starts_with("...") && w.text.ends_with("..."));
        assert_eq!(&w.text[w.lo..w.hi], "é");
        assert_eq!(w.col, 151);
        assert_eq!(w.shown_col, w.text[..w.lo].chars().count() + 1);
        // A span longer than the window is cut with it.
        let w = window(&line, 0, 600).expect("a window");
        assert!(w.hi <= w.text.len() && !w.text.starts_with("..."));
    }

    #[test]
    fn the_column_is_the_whole_lines() {
        let mut sources = SourceMap::new();
        let text = format!("{}@\n", " ".repeat(500));
        let file = sources.add_file("long.c", text);
        let out = DiagnosticRenderer::plain(&sources)
            .render(&Diagnostic::error(Span::new(file, 500, 501), "stray"));
        assert!(out.contains("--> long.c:1:501\n"), "{out}");
        assert!(out.contains("...     "), "{out}");
    }
}
