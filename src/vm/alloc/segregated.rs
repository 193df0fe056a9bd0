//! Segregated free lists (segregated fits, CS:APP 9.9.14; Wilson et al. 1995), as glibc's
//! `malloc` keeps its bins: one explicit LIFO list per size class, the heads in a table at
//! the start of the heap, followed by a map with one bit per class that is set exactly
//! when the class's list is not empty (glibc's `binmap`). A request searches its own
//! class first fit, then takes the first block of the next non-empty larger class, found
//! in the map in O(1): every block there fits. A free block that grows or shrinks within
//! its class keeps its place in the list.
//!
//! The free block that ends the heap, if any, is the top (glibc's top chunk, the
//! "wilderness" of Korn and Vo): it is in no list but in a word of its own, used only
//! when no class has a fit, so that allocating from its front or merging into it costs
//! one word instead of list operations, and it stays whole for large requests.
//!
//! Classes (64, so that the map is one word): one per block size for the 31 smallest
//! sizes (exact: 32, 48, ... 512 bytes with 16-byte alignment; 32, 40, ... 272 with 8),
//! where the first block of the list always fits; then four per power of two (as TLSF),
//! the last holding everything from 128 KiB (64 KiB with 8-byte alignment) up.
//!
//! ```text
//!  heap start
//!  | head 0 | head 1 | ... | head 63 | class map | top | pad | prologue | blocks ...
//! ```

use super::boundary::{Geometry, Policy};
use super::{Heap, HeapError, HeapRead, corruption, free_list};

const CLASSES: u64 = 64;
/// Classes of one block size each.
const EXACT: u64 = 31;

/// The size class of a block of `size` bytes.
#[inline(always)]
fn class_of(g: &Geometry, size: u64) -> u64 {
    let small = size.saturating_sub(g.min_block) >> g.align.trailing_zeros();
    if small < EXACT {
        return small;
    }
    // Quarters of powers of two, counted from the one the first inexact size is in.
    let quarter = |size| {
        let level = 63 - u64::from(u64::leading_zeros(size));
        level * 4 + ((size >> (level - 2)) & 3)
    };
    (EXACT + quarter(size) - quarter(g.min_block + EXACT * g.align)).min(CLASSES - 1)
}

/// Size classes, each with its own free list, the map of non-empty ones, and the top.
pub struct Segregated;

impl Segregated {
    pub fn new() -> Segregated {
        Segregated
    }

    /// Where the map of non-empty classes is.
    #[inline(always)]
    fn map(g: &Geometry) -> u64 {
        g.root(CLASSES)
    }

    /// Where the top block's address is (0 when the last block is allocated).
    #[inline(always)]
    fn top(g: &Geometry) -> u64 {
        g.root(CLASSES + 1)
    }

    /// Whether the block `bp` of `size` bytes ends at the epilogue.
    #[inline(always)]
    fn ends_heap(heap: &Heap, bp: u64, size: u64) -> bool {
        bp.wrapping_add(size) == heap.brk()
    }

    /// Lists `bp` in `class`, marking the class non-empty.
    #[inline(always)]
    fn push(g: &Geometry, heap: &mut Heap, bp: u64, class: u64) -> Result<(), HeapError> {
        if free_list::push(heap, g.root(class), bp)? {
            let map = heap.get(Self::map(g))?;
            heap.set(Self::map(g), map | 1 << class)?;
        }
        Ok(())
    }

    /// Takes `bp` out of `class`, marking the class empty if it was the last.
    #[inline(always)]
    fn unlink(g: &Geometry, heap: &mut Heap, bp: u64, class: u64) -> Result<(), HeapError> {
        if free_list::unlink(heap, g.root(class), bp)? {
            let map = heap.get(Self::map(g))?;
            heap.set(Self::map(g), map & !(1 << class))?;
        }
        Ok(())
    }

    /// The first block of the smallest non-empty class above `class` (every block there
    /// fits `asize`).
    #[inline(always)]
    fn larger(
        g: &Geometry,
        heap: &mut Heap,
        map: u64,
        class: u64,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        let larger = map & !((2 << class) - 1);
        if larger == 0 {
            return Ok(None);
        }
        let class = u64::from(larger.trailing_zeros());
        let bp = heap.get(g.root(class))?;
        if bp == 0 {
            return Err(corruption(
                Self::map(g),
                format_args!("the class map says size class {class} has free blocks"),
            ));
        }
        heap.step();
        let size = free_list::Nodes::node(g, heap, bp)?;
        if size < asize {
            return Err(corruption(
                bp,
                format_args!("a block of {size} bytes is in size class {class}"),
            ));
        }
        Ok(Some(bp))
    }
}

impl Default for Segregated {
    fn default() -> Segregated {
        Segregated::new()
    }
}

impl Policy for Segregated {
    fn name(&self) -> &'static str {
        "segregated"
    }

    fn roots(&self) -> u64 {
        CLASSES + 2
    }

    fn links(&self) -> bool {
        true
    }

    #[inline(always)]
    fn insert(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        size: u64,
    ) -> Result<(), HeapError> {
        if Self::ends_heap(heap, bp, size) {
            return heap.set(Self::top(g), bp);
        }
        Self::push(g, heap, bp, class_of(g, size))
    }

    #[inline(always)]
    fn remove(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        size: u64,
    ) -> Result<(), HeapError> {
        if heap.get(Self::top(g))? == bp {
            return heap.set(Self::top(g), 0);
        }
        Self::unlink(g, heap, bp, class_of(g, size))
    }

    // A block that keeps its class keeps its place in the list; the top stays the top.

    #[inline(always)]
    fn resized(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        old: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        let was_top = heap.get(Self::top(g))? == bp;
        match (was_top, Self::ends_heap(heap, bp, new)) {
            (true, true) => Ok(()),
            (true, false) => {
                heap.set(Self::top(g), 0)?;
                Self::push(g, heap, bp, class_of(g, new))
            }
            (false, true) => {
                Self::unlink(g, heap, bp, class_of(g, old))?;
                heap.set(Self::top(g), bp)
            }
            (false, false) => {
                let (from, to) = (class_of(g, old), class_of(g, new));
                if from != to {
                    Self::unlink(g, heap, bp, from)?;
                    Self::push(g, heap, bp, to)?;
                }
                Ok(())
            }
        }
    }

    #[inline(always)]
    fn moved(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        from: u64,
        old: u64,
        to: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        // The block keeps its end: the top stays the top, anything else stays listed.
        if heap.get(Self::top(g))? == from {
            return heap.set(Self::top(g), to);
        }
        let (class, class_to) = (class_of(g, old), class_of(g, new));
        if class == class_to {
            free_list::replace(heap, g.root(class), from, to)
        } else {
            Self::unlink(g, heap, from, class)?;
            Self::push(g, heap, to, class_to)
        }
    }

    #[inline(always)]
    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        let class = class_of(g, asize);
        let map = heap.get(Self::map(g))?;
        if map & 1 << class != 0
            && let Some(bp) = free_list::first_fit(g, heap, g.root(class), asize)?
        {
            return Ok(Some(bp));
        }
        if let Some(bp) = Self::larger(g, heap, map, class, asize)? {
            return Ok(Some(bp));
        }
        // The top last, as glibc does: it is what the heap grows from.
        let top = heap.get(Self::top(g))?;
        if top != 0 {
            heap.step();
            if free_list::Nodes::node(g, heap, top)? >= asize {
                return Ok(Some(top));
            }
        }
        Ok(None)
    }

    fn listed(&self, g: &Geometry, heap: &dyn HeapRead) -> Result<Option<Vec<u64>>, HeapError> {
        let mut all = Vec::new();
        let map = heap.get(Self::map(g))?;
        for class in 0..CLASSES {
            let members = free_list::members(g, heap, g.root(class))?;
            if members.is_empty() == (map & 1 << class != 0) {
                return Err(HeapError::Corruption(
                    Self::map(g),
                    format!(
                        "the class map is wrong about size class {class} ({} blocks)",
                        members.len()
                    ),
                ));
            }
            for bp in members {
                let (size, _) = g.header(heap, bp)?;
                if class_of(g, size) != class {
                    return Err(HeapError::Corruption(
                        bp,
                        format!("a block of {size} bytes is in size class {class}"),
                    ));
                }
                if bp + size == heap.brk() {
                    return Err(HeapError::Corruption(
                        bp,
                        "the last block is in a size class, not the top".into(),
                    ));
                }
                all.push(bp);
            }
        }
        let top = heap.get(Self::top(g))?;
        if top != 0 {
            let size = free_list::Nodes::node(g, heap, top)?;
            if top + size != heap.brk() {
                return Err(HeapError::Corruption(
                    Self::top(g),
                    "the top block is not the last block".into(),
                ));
            }
            all.push(top);
        }
        Ok(Some(all))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry(align: u64) -> Geometry {
        Geometry {
            align,
            min_block: 32,
            base: 0,
            first: 0,
        }
    }

    #[test]
    fn classes_are_monotonic_and_bounded() {
        for align in [8, 16] {
            let g = geometry(align);
            let mut last = 0;
            for size in (32..1 << 26).step_by(align as usize) {
                let c = class_of(&g, size);
                assert!(c == last || c == last + 1, "{size}: {last} then {c}");
                assert!(c < CLASSES);
                last = c;
            }
            assert_eq!(last, CLASSES - 1);
        }
        let g = geometry(16);
        assert_eq!(class_of(&g, 32), 0);
        assert_eq!(class_of(&g, 48), 1);
        assert_eq!(class_of(&g, 512), 30);
        assert_eq!(class_of(&g, 528), 31);
        assert_eq!(class_of(&g, 640), 32);
        assert_eq!(class_of(&g, (128 << 10) - 16), 62);
        assert_eq!(class_of(&g, 128 << 10), 63);
        let g = geometry(8);
        assert_eq!(class_of(&g, 40), 1);
        assert_eq!(class_of(&g, 272), 30);
        assert_eq!(class_of(&g, 280), 31);
        assert_eq!(class_of(&g, 64 << 10), 63);
    }

    /// Many free blocks of every small size, each between two live ones.
    fn fragmented() -> (
        crate::vm::memory::Memory,
        Box<dyn crate::vm::alloc::Allocator>,
    ) {
        let mut mem = crate::vm::alloc::heap_memory(1 << 22).expect("a heap");
        let mut a = crate::vm::alloc::by_name("segregated").unwrap();
        let mut heap = Heap::new(&mut mem);
        let mut holes = Vec::new();
        for round in 0..20 {
            for size in (0..500).step_by(16) {
                holes.push(a.malloc(&mut heap, size + round % 16).unwrap().unwrap());
                a.malloc(&mut heap, 8).unwrap().unwrap();
            }
        }
        for p in holes {
            a.free(&mut heap, p).unwrap();
        }
        (mem, a)
    }

    #[test]
    fn a_search_looks_at_one_block() {
        let (mut mem, mut a) = fragmented();
        for size in [1, 24, 100, 300, 490, 2000, 100_000] {
            let mut heap = Heap::new(&mut mem);
            a.malloc(&mut heap, size).unwrap().unwrap();
            assert!(heap.steps() <= 1, "{size}: {} steps", heap.steps());
        }
        a.check(&crate::vm::alloc::HeapView::new(&mem)).unwrap();
    }

    #[test]
    fn the_top_is_split_and_merged_in_place() {
        let mut mem = crate::vm::alloc::heap_memory(1 << 20).expect("a heap");
        let mut a = crate::vm::alloc::by_name("segregated").unwrap();
        let mut heap = Heap::new(&mut mem);
        let big = a.malloc(&mut heap, 10_000).unwrap().unwrap();
        a.free(&mut heap, big).unwrap();
        let g = Geometry {
            align: 16,
            min_block: 32,
            base: heap.start(),
            first: 0,
        };
        // Freed last, the block is the top, in no list.
        assert_eq!(heap.get(Segregated::top(&g)).unwrap(), big);
        assert_eq!(heap.get(Segregated::map(&g)).unwrap(), 0);
        // Small requests come from its front; it stays the top.
        let p = a.malloc(&mut heap, 16).unwrap().unwrap();
        let q = a.malloc(&mut heap, 16).unwrap().unwrap();
        assert_eq!((p, q), (big, big + 32));
        assert_eq!(heap.get(Segregated::top(&g)).unwrap(), big + 64);
        assert_eq!(heap.get(Segregated::map(&g)).unwrap(), 0);
        // A freed block before an allocated one goes to its exact class.
        a.free(&mut heap, p).unwrap();
        assert_eq!(heap.get(Segregated::map(&g)).unwrap(), 1);
        assert_eq!(heap.get(g.root(0)).unwrap(), p);
        // Freeing q merges both into the top again.
        a.free(&mut heap, q).unwrap();
        assert_eq!(heap.get(Segregated::top(&g)).unwrap(), big);
        assert_eq!(heap.get(Segregated::map(&g)).unwrap(), 0);
        a.check(&crate::vm::alloc::HeapView::new(&mem)).unwrap();
    }
}
