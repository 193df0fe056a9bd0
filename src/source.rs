//! Source files and spans: every diagnostic, line table and backtrace points back here.

use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(file: FileId, lo: usize, hi: usize) -> Span {
        Span {
            file,
            lo: lo as u32,
            hi: hi as u32,
        }
    }

    /// The smallest span covering both (when they are in the same file).
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span {
            file: self.file,
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// One source file: its name as the user wrote it, its text, and where its lines start.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    /// The directory `#include "..."` searches first; `None` for built-in headers.
    pub dir: Option<PathBuf>,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    fn new(name: String, dir: Option<PathBuf>, text: String) -> SourceFile {
        let line_starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            )
            .collect();
        SourceFile {
            name,
            dir,
            text,
            line_starts,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (line as u32 + 1, offset - self.line_starts[line] + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line as usize).saturating_sub(1);
        self.line_starts.get(i).copied().unwrap_or(0)
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

/// Every file of one compilation: the main file, the headers it includes.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file read from disk (or given as text under a path-like name).
    pub fn add_file(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let name = name.into();
        let dir = Path::new(&name).parent().map(Path::to_path_buf);
        self.push(SourceFile::new(name, dir, text.into()))
    }

    /// Adds a built-in header (it has no directory of its own).
    pub fn add_builtin(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.push(SourceFile::new(name.into(), None, text.into()))
    }

    fn push(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// `FILE:LINE:COL` of a span's start.
    pub fn describe(&self, span: Span) -> String {
        let file = self.file(span.file);
        let (line, col) = file.line_col(span.lo);
        format!("{}:{}:{}", file.name, line, col)
    }

    pub fn line_of(&self, span: Span) -> u32 {
        self.file(span.file).line_col(span.lo).0
    }

    pub fn text(&self, span: Span) -> &str {
        let f = self.file(span.file);
        f.text.get(span.lo as usize..span.hi as usize).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let mut map = SourceMap::new();
        let id = map.add_file("a.c", "int x;\n  int y;\n");
        let f = map.file(id);
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(9), (2, 3));
        assert_eq!(f.line_text(2), "  int y;");
        assert_eq!(map.describe(Span::new(id, 9, 12)), "a.c:2:3");
    }
}
