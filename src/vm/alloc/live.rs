//! The size each live block was asked for, kept by the [`super::HeapManager`] for the
//! statistics and the heap dump: an array indexed by the payload address in units of the
//! alignment (payloads are aligned, so no two live ones share a slot), allocated in pages
//! of 128 slots as payloads land in them. A malloc or free costs an index, never a hash
//! or an allocation after the page exists. A slot is 2 bytes (larger requests, rare, go
//! to a map), so a page takes 256 bytes for 2 KiB of heap (with 16-byte alignment): at
//! most an eighth of the heap in use, less than a hash map needs for the 32-byte blocks
//! of a small-node program, and little for large blocks, one page per block (a program
//! that fills a 256 MiB space with 64 KiB blocks keeps under 1 MiB here).

use std::collections::BTreeMap;

const PAGE: usize = 128;
/// A slot's value: the request plus one (0 is an empty slot), or `SPILLED`.
const SPILLED: u16 = u16::MAX;

pub struct LiveSizes {
    shift: u32,
    /// The page number of `pages[0]`.
    first_page: usize,
    pages: Vec<Option<Box<[u16; PAGE]>>>,
    /// Requests that do not fit a slot (64 KiB or more), and payloads that are not aligned
    /// (which a strategy never returns, but the table does not rely on it).
    spilled: BTreeMap<u64, u64>,
}

impl LiveSizes {
    /// A table for payloads aligned to `align` (a power of two).
    pub fn new(align: u64) -> LiveSizes {
        LiveSizes {
            shift: align.max(1).trailing_zeros(),
            first_page: 0,
            pages: Vec::new(),
            spilled: BTreeMap::new(),
        }
    }

    /// The page and the slot in it of an aligned payload.
    #[inline]
    fn position(&self, ptr: u64) -> Option<(usize, usize)> {
        if ptr & ((1 << self.shift) - 1) != 0 {
            return None;
        }
        let index = usize::try_from(ptr >> self.shift).ok()?;
        Some((index / PAGE, index % PAGE))
    }

    fn slot(&self, ptr: u64) -> Option<u16> {
        let (page, at) = self.position(ptr)?;
        let page = self
            .pages
            .get(page.checked_sub(self.first_page)?)?
            .as_ref()?;
        Some(page[at])
    }

    fn slot_mut(&mut self, page: usize, at: usize) -> &mut u16 {
        if self.pages.is_empty() {
            self.first_page = page;
        } else if page < self.first_page {
            let more = self.first_page - page;
            self.pages.splice(0..0, std::iter::repeat_n(None, more));
            self.first_page = page;
        }
        let i = page - self.first_page;
        if i >= self.pages.len() {
            self.pages.resize(i + 1, None);
        }
        &mut self.pages[i].get_or_insert_with(|| Box::new([0; PAGE]))[at]
    }

    /// The slot of an aligned payload whose page exists: the common case, kept small
    /// enough to inline.
    #[inline]
    fn existing_slot(&mut self, ptr: u64) -> Option<&mut u16> {
        let (page, at) = self.position(ptr)?;
        let i = page.wrapping_sub(self.first_page);
        Some(&mut self.pages.get_mut(i)?.as_mut()?[at])
    }

    /// `ptr` became live with `requested` bytes asked for.
    #[inline]
    pub fn insert(&mut self, ptr: u64, requested: u64) {
        // The request plus one, if a slot can hold it.
        let value = requested
            .checked_add(1)
            .and_then(|v| u16::try_from(v).ok())
            .filter(|&v| v != SPILLED);
        if let Some(v) = value
            && let Some(slot) = self.existing_slot(ptr)
        {
            *slot = v;
            return;
        }
        self.insert_new(ptr, requested, value);
    }

    /// [`Self::insert`] into a page not made yet, or of what a slot cannot hold.
    #[inline(never)]
    fn insert_new(&mut self, ptr: u64, requested: u64, value: Option<u16>) {
        let Some((page, at)) = self.position(ptr) else {
            self.spilled.insert(ptr, requested);
            return;
        };
        let value = value.unwrap_or_else(|| {
            self.spilled.insert(ptr, requested);
            SPILLED
        });
        *self.slot_mut(page, at) = value;
    }

    /// What `ptr` was asked for, if it is live.
    pub fn get(&self, ptr: u64) -> Option<u64> {
        match self.slot(ptr) {
            Some(0) => None,
            Some(SPILLED) | None => self.spilled.get(&ptr).copied(),
            Some(v) => Some(u64::from(v) - 1),
        }
    }

    /// `ptr` is no longer live: what it was asked for.
    #[inline]
    pub fn remove(&mut self, ptr: u64) -> Option<u64> {
        match self.existing_slot(ptr).map(std::mem::take) {
            Some(0) => None,
            Some(v) if v != SPILLED => Some(u64::from(v) - 1),
            // Spilled, or no slot: not aligned (then spilled if live), or no page (then
            // not live: an aligned payload is spilled only with its page made).
            _ => self.spilled.remove(&ptr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_sizes_by_payload() {
        let mut t = LiveSizes::new(16);
        t.insert(0x10_0010, 5);
        t.insert(0x1000, 0);
        t.insert(0x9000_0000, 1 << 33);
        t.insert(0x2008, 7); // not aligned: spilled
        t.insert(0x2010, u64::MAX);
        assert_eq!(t.get(0x10_0010), Some(5));
        assert_eq!(t.get(0x1000), Some(0));
        assert_eq!(t.get(0x9000_0000), Some(1 << 33));
        assert_eq!(t.get(0x2008), Some(7));
        assert_eq!(t.get(0x2000), None);
        assert_eq!(t.get(0x2010), Some(u64::MAX));
        assert_eq!(t.remove(0x1000), Some(0));
        assert_eq!(t.remove(0x1000), None);
        assert_eq!(t.remove(0x9000_0000), Some(1 << 33));
        assert_eq!(t.remove(0x2008), Some(7));
        assert_eq!(t.get(0x10_0010), Some(5));
        assert_eq!(t.remove(0x12_3450), None);
    }

    #[test]
    fn requests_a_slot_cannot_hold_go_to_the_map() {
        let mut t = LiveSizes::new(16);
        for (i, size) in [65_533, 65_534, 65_535, 1 << 20].into_iter().enumerate() {
            t.insert(0x4000 + 16 * i as u64, size);
        }
        assert_eq!(t.spilled.len(), 3);
        assert_eq!(t.get(0x4000), Some(65_533));
        assert_eq!(t.get(0x4010), Some(65_534));
        assert_eq!(t.remove(0x4020), Some(65_535));
        assert_eq!(t.get(0x4030), Some(1 << 20));
        assert_eq!(t.spilled.len(), 2);
    }
}
