//! The data model of the machine being compiled for.

/// Sizes that differ between data models; everything else is fixed by C and gcc.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    /// `sizeof(long)`, `sizeof(unsigned long)`.
    pub long_size: u64,
    /// `sizeof(void *)`, also `size_t` and `ptrdiff_t`.
    pub ptr_size: u64,
}

impl Target {
    /// x86-64 Linux, as gcc: the default.
    pub const LP64: Target = Target {
        long_size: 8,
        ptr_size: 8,
    };
    /// A 32-bit microcontroller (or `gcc -m32`).
    pub const ILP32: Target = Target {
        long_size: 4,
        ptr_size: 4,
    };
}

impl Default for Target {
    fn default() -> Target {
        Target::LP64
    }
}
