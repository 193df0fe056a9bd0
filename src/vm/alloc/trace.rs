//! Allocation traces in the CS:APP malloc-lab format (`.rep`):
//!
//! ```text
//! 20000        suggested heap size (bytes; informational)
//! 3            number of ids
//! 5            number of operations
//! 1            weight
//! a 0 512      allocate 512 bytes as block 0
//! r 0 1024     resize block 0 to 1024 bytes
//! a 1 128
//! f 0          free block 0
//! f 1
//! ```
//! `f` or `r` of an id that holds no block acts like `free(NULL)` or `realloc(NULL, n)`:
//! that is what a recorded program did after a failed malloc.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Alloc { id: u32, size: u64 },
    Free { id: u32 },
    Realloc { id: u32, size: u64 },
}

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Op::Alloc { id, size } => write!(f, "a {id} {size}"),
            Op::Free { id } => write!(f, "f {id}"),
            Op::Realloc { id, size } => write!(f, "r {id} {size}"),
        }
    }
}

/// A parsed trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    /// The file name without folder and extension.
    pub name: String,
    pub suggested_heap: u64,
    /// Ids run from 0 to `ids - 1`.
    pub ids: u32,
    pub weight: u64,
    pub ops: Vec<Op>,
}

impl Trace {
    /// Parses `.rep` text; errors name the line.
    pub fn parse(name: &str, text: &str) -> Result<Trace, String> {
        Trace::parse_from(name, name, text)
    }

    /// Parses with errors that say `source:LINE`.
    fn parse_from(name: &str, source: &str, text: &str) -> Result<Trace, String> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
        let mut header = [0u64; 4];
        for (k, what) in [
            "suggested heap size",
            "number of ids",
            "number of operations",
            "weight",
        ]
        .iter()
        .enumerate()
        {
            let (n, l) = lines
                .next()
                .ok_or_else(|| format!("{source}: the header lacks the {what}"))?;
            header[k] = l
                .parse()
                .map_err(|_| format!("{source}:{n}: expected the {what}, found '{l}'"))?;
        }
        let ids = u32::try_from(header[1]).map_err(|_| format!("{source}: too many ids"))?;
        let mut ops = Vec::with_capacity(header[2].min(1 << 24) as usize);
        let mut live = vec![false; ids as usize];
        for (n, l) in lines {
            let at = |msg: &str| format!("{source}:{n}: {msg}: '{l}'");
            let mut parts = l.split_whitespace();
            let kind = parts.next().unwrap_or("");
            let id: u32 = parts
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| at("expected an id"))?;
            if id >= ids {
                return Err(at(&format!("id {id} is not below the number of ids {ids}")));
            }
            let mut size = || -> Result<u64, String> {
                parts
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| at("expected a size"))
            };
            let op = match kind {
                "a" => {
                    if live[id as usize] {
                        return Err(at(&format!("id {id} is allocated while it is live")));
                    }
                    live[id as usize] = true;
                    Op::Alloc { id, size: size()? }
                }
                "r" => {
                    live[id as usize] = true;
                    Op::Realloc { id, size: size()? }
                }
                "f" => {
                    live[id as usize] = false;
                    Op::Free { id }
                }
                _ => return Err(at("expected an operation a, r or f")),
            };
            ops.push(op);
        }
        if ops.len() as u64 != header[2] {
            return Err(format!(
                "{source}: the header says {} operations, the file has {}",
                header[2],
                ops.len()
            ));
        }
        Ok(Trace {
            name: name.to_string(),
            suggested_heap: header[0],
            ids,
            weight: header[3],
            ops,
        })
    }

    /// Reads a `.rep` file; the trace is named after the file.
    pub fn read(path: &std::path::Path) -> Result<Trace, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Trace::parse_from(&name, &path.display().to_string(), &text)
    }

    /// The `.rep` text.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n{}\n",
            self.suggested_heap,
            self.ids,
            self.ops.len(),
            self.weight
        );
        for op in &self.ops {
            let _ = writeln!(out, "{op}");
        }
        out
    }

    /// The largest sum of live request sizes over the trace.
    pub fn peak_live(&self) -> u64 {
        let mut sizes = vec![0u64; self.ids as usize];
        let (mut live, mut peak) = (0u64, 0u64);
        for op in &self.ops {
            match *op {
                Op::Alloc { id, size } | Op::Realloc { id, size } => {
                    live = live - sizes[id as usize] + size;
                    sizes[id as usize] = size;
                }
                Op::Free { id } => {
                    live -= sizes[id as usize];
                    sizes[id as usize] = 0;
                }
            }
            peak = peak.max(live);
        }
        peak
    }
}

/// Requests a recording keeps: a program that allocates in an endless loop would
/// otherwise grow the host's memory without bound (16 bytes a request).
pub const MAX_RECORDED: usize = 4 << 20;

/// Records heap requests as a trace: ids are handed out per allocation, in order. After
/// [`MAX_RECORDED`] requests it stops (the trace stays valid: blocks not freed by then
/// are simply never freed in it).
#[derive(Default)]
pub struct Recorder {
    ids: std::collections::HashMap<u64, u32>,
    next: u32,
    ops: Vec<Op>,
    live: u64,
    peak: u64,
    /// The sizes of live ids.
    sizes: std::collections::HashMap<u32, u64>,
    /// Requests left out once the recording was full.
    pub dropped: u64,
}

impl Recorder {
    fn fresh(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    fn resize(&mut self, id: u32, size: u64) {
        let old = if size == 0 {
            self.sizes.remove(&id)
        } else {
            self.sizes.insert(id, size)
        };
        self.live = self.live - old.unwrap_or(0) + size;
        self.peak = self.peak.max(self.live);
    }

    /// Whether the recording is full; counts the request it drops.
    fn full(&mut self) -> bool {
        let full = self.ops.len() >= MAX_RECORDED;
        self.dropped += u64::from(full);
        full
    }

    /// `malloc` (or `calloc`) of `size` returned `ptr` (0 when it failed).
    pub fn alloc(&mut self, size: u64, ptr: u64) {
        if self.full() {
            return;
        }
        let id = self.fresh();
        self.ops.push(Op::Alloc { id, size });
        if ptr != 0 {
            self.ids.insert(ptr, id);
            self.resize(id, size);
        }
    }

    /// `free(ptr)` of a live block.
    pub fn free(&mut self, ptr: u64) {
        if self.full() {
            return;
        }
        if let Some(id) = self.ids.remove(&ptr) {
            self.ops.push(Op::Free { id });
            self.resize(id, 0);
        }
    }

    /// `realloc(old, size)` of a live block returned `new` (0 when it failed).
    pub fn realloc(&mut self, old: u64, size: u64, new: u64) {
        if self.full() {
            return;
        }
        let Some(&id) = self.ids.get(&old) else {
            return self.alloc(size, new);
        };
        self.ops.push(Op::Realloc { id, size });
        if new != 0 {
            self.ids.remove(&old);
            self.ids.insert(new, id);
            self.resize(id, size);
        }
    }

    /// The trace so far; the suggested heap size is the peak of live requests.
    pub fn trace(&self, name: &str) -> Trace {
        Trace {
            name: name.to_string(),
            suggested_heap: self.peak,
            ids: self.next,
            weight: 1,
            ops: self.ops.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "100\n2\n4\n1\na 0 10\nr 0 20\na 1 5\nf 0\n";
        let t = Trace::parse("t", text).unwrap();
        assert_eq!(t.ops.len(), 4);
        assert_eq!(t.render(), text);
        assert_eq!(t.peak_live(), 25);
    }

    #[test]
    fn a_recording_stops_when_full() {
        let mut r = Recorder::default();
        for i in 0..MAX_RECORDED as u64 / 2 + 5 {
            r.alloc(16, 4096 + 32 * i);
            r.free(4096 + 32 * i);
        }
        assert_eq!(r.ops.len(), MAX_RECORDED);
        assert_eq!(r.dropped, 10);
        // Freed ids keep no size.
        assert!(r.sizes.is_empty());
        let t = r.trace("t");
        assert_eq!(
            Trace::parse("t", &t.render()).map(|t| t.ops.len()),
            Ok(MAX_RECORDED)
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = Trace::parse("t", "1\n1\n1\n1\na 3 10\n").unwrap_err();
        assert!(e.contains("t:5"), "{e}");
        let e = Trace::parse("t", "1\n1\n2\n1\na 0 10\n").unwrap_err();
        assert!(e.contains("says 2 operations"), "{e}");
        let e = Trace::parse("t", "1\n1\n2\n1\na 0 10\na 0 3\n").unwrap_err();
        assert!(e.contains("while it is live"), "{e}");
    }
}
