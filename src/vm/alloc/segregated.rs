//! Segregated free lists (segregated fits, CS:APP 9.9.14; Wilson et al. 1995): one explicit
//! LIFO list per size class, the heads in a table at the start of the heap. A request
//! searches its own class first fit, then the larger classes; first fit within a class of
//! similar sizes comes close to best fit, at the speed of a short list.
//!
//! Classes: one per 16 bytes up to 128 (32, 48, ... 128), then one per power of two
//! (129..255, 256..511, ...), the last holding everything larger.

use super::boundary::{Geometry, Policy};
use super::{Heap, HeapError, HeapRead, free_list};

const CLASSES: u64 = 32;

/// The class of a block of `size` bytes.
fn class_of(size: u64) -> u64 {
    if size <= 128 {
        size.saturating_sub(32) / 16
    } else {
        (63 - u64::from(size.leading_zeros())).min(CLASSES - 1)
    }
}

/// Size classes, each with its own free list.
pub struct Segregated;

impl Segregated {
    pub fn new() -> Segregated {
        Segregated
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
        CLASSES
    }

    fn links(&self) -> bool {
        true
    }

    fn insert(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        size: u64,
    ) -> Result<(), HeapError> {
        free_list::push(heap, g.root(class_of(size)), bp)
    }

    fn remove(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        size: u64,
    ) -> Result<(), HeapError> {
        free_list::unlink(heap, g.root(class_of(size)), bp)
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        for class in class_of(asize)..CLASSES {
            if let Some(bp) = free_list::first_fit(g, heap, g.root(class), asize)? {
                return Ok(Some(bp));
            }
        }
        Ok(None)
    }

    fn listed(&self, g: &Geometry, heap: &dyn HeapRead) -> Result<Option<Vec<u64>>, HeapError> {
        let mut all = Vec::new();
        for class in 0..CLASSES {
            for bp in free_list::members(g, heap, g.root(class))? {
                let (size, _) = g.header(heap, bp)?;
                if class_of(size) != class {
                    return Err(HeapError::Corruption(
                        bp,
                        format!("a block of {size} bytes is in size class {class}"),
                    ));
                }
                all.push(bp);
            }
        }
        Ok(Some(all))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_monotonic_and_bounded() {
        let mut last = 0;
        for size in (32..1 << 26).step_by(8) {
            let c = class_of(size);
            assert!(c >= last && c < CLASSES);
            last = c;
        }
        assert_eq!(class_of(32), 0);
        assert_eq!(class_of(128), 6);
        assert_eq!(class_of(129), 7);
        assert_eq!(class_of(256), 8);
    }
}
