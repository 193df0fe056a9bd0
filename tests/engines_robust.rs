//! No oracle here: the engines must never panic, must stay within their memory bounds, and
//! must follow the ILP32 data model, which the host glibc cannot show.

use proptest::prelude::*;
use segvm::target::Target;
use segvm::vm::builtins::format::{self, FormatArgs, MAX_PAD, Outcome};
use segvm::vm::builtins::numparse;
use segvm::vm::builtins::scan::{self, ScanArgs, StrInput};

/// Arguments from a fixed list, cycling; every address is a string "str".
struct Fake {
    slots: Vec<u64>,
    next: usize,
    stores: Vec<(u64, u8, u64)>,
}

impl FormatArgs for Fake {
    type Error = ();
    fn next_slot(&mut self) -> Result<u64, ()> {
        let slot = self
            .slots
            .get(self.next % self.slots.len().max(1))
            .copied()
            .unwrap_or(0);
        self.next += 1;
        Ok(slot)
    }
    fn c_string(&mut self, _addr: u64, limit: Option<usize>) -> Result<Vec<u8>, ()> {
        let s = b"str".to_vec();
        Ok(s[..limit.unwrap_or(3).min(3)].to_vec())
    }
    fn store_count(&mut self, addr: u64, size: u8, count: u64) -> Result<(), ()> {
        self.stores.push((addr, size, count));
        Ok(())
    }
}

fn fmt(target: Target, f: &[u8], slots: &[u64]) -> (Vec<u8>, Outcome, Vec<(u64, u8, u64)>) {
    let mut args = Fake {
        slots: slots.to_vec(),
        next: 0,
        stores: vec![],
    };
    let mut out = Vec::new();
    let o = format::format(f, target, &mut args, &mut out).unwrap();
    (out, o, args.stores)
}

fn text(target: Target, f: &str, slots: &[u64]) -> String {
    let (out, o, _) = fmt(target, f.as_bytes(), slots);
    assert_eq!(o, Outcome::Done, "{f}");
    String::from_utf8(out).unwrap()
}

#[test]
fn ilp32_printf() {
    let t = Target::ILP32;
    // `l` reads the low 4 bytes, sign-extended for %ld.
    assert_eq!(
        text(
            t,
            "%ld %lu %lx",
            &[0xffff_ffff, 0x1_0000_0005, 0xdead_beef_1234_5678]
        ),
        "-1 5 12345678"
    );
    assert_eq!(
        text(t, "%lld %llu", &[u64::MAX, u64::MAX]),
        "-1 18446744073709551615"
    );
    assert_eq!(
        text(
            t,
            "%zd %zu %td %jd",
            &[0xffff_ffff, 0xffff_ffff, 0x8000_0000, u64::MAX]
        ),
        "-1 4294967295 -2147483648 -1"
    );
    assert_eq!(
        text(t, "%p %p", &[0x1_0000_0000, 0xffff_1234_0000_0010]),
        "(nil) 0x10"
    );
    // %zc is not wide where size_t is int-sized.
    assert_eq!(fmt(t, b"%zc", &[0xe9]).0, [0xe9]);
    assert_eq!(
        fmt(Target::LP64, b"%zc", &[0xe9]).1,
        Outcome::Failed(format::Failure::IllegalSequence)
    );
    let (_, _, stores) = fmt(t, b"ab%ln%zn%lln%jn", &[1, 2, 3, 4]);
    assert_eq!(stores, vec![(1, 4, 2), (2, 4, 2), (3, 8, 2), (4, 8, 2)]);
    let (_, _, stores) = fmt(Target::LP64, b"abc%hhn%hn%n%ln%zn", &[1, 2, 3, 4, 5]);
    assert_eq!(
        stores,
        vec![(1, 1, 3), (2, 2, 3), (3, 4, 3), (4, 8, 3), (5, 8, 3)]
    );
}

struct Store {
    next: u64,
    stores: Vec<(u64, Vec<u8>)>,
}

impl ScanArgs for Store {
    type Error = ();
    fn next_slot(&mut self) -> Result<u64, ()> {
        self.next += 1;
        Ok(self.next)
    }
    fn store(&mut self, addr: u64, bytes: &[u8]) -> Result<(), ()> {
        self.stores.push((addr, bytes.to_vec()));
        Ok(())
    }
}

fn scan_with(target: Target, input: &[u8], f: &[u8]) -> (i32, Vec<(u64, Vec<u8>)>) {
    let mut args = Store {
        next: 0,
        stores: vec![],
    };
    let mut inp = StrInput::new(input);
    let r = scan::scan(f, target, &mut inp, &mut args).unwrap();
    (r, args.stores)
}

#[test]
fn ilp32_scanf() {
    let t = Target::ILP32;
    let (r, st) = scan_with(
        t,
        b"99999999999 -5 7 123456789012 0x10 1.5 2.5",
        b"%ld %lu %zu %lld %p %lf %zf",
    );
    assert_eq!(r, 7);
    // 32-bit strtol clamps to LONG_MAX before the store.
    assert_eq!(st[0].1, i32::MAX.to_le_bytes());
    assert_eq!(st[1].1, (-5i32 as u32).to_le_bytes());
    assert_eq!(st[2].1, 7u32.to_le_bytes());
    assert_eq!(st[3].1, 123456789012i64.to_le_bytes());
    assert_eq!(st[4].1, 16u32.to_le_bytes());
    assert_eq!(st[5].1, 1.5f64.to_le_bytes());
    // `z` is not `long`-sized here, so %zf is a float and %zs is narrow.
    assert_eq!(st[6].1, 2.5f32.to_le_bytes());
    assert_eq!(scan_with(t, b"ab", b"%zs").1[0].1, b"ab\0");
    assert_eq!(
        scan_with(Target::LP64, b"ab", b"%zs").1[0].1,
        [b'a', 0, 0, 0, b'b', 0, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(scan_with(t, b"5", b"%d%ln").1[1].1, 1u32.to_le_bytes());
}

#[test]
fn ilp32_numbers() {
    let t = Target::ILP32;
    assert_eq!(numparse::atoi(b"99999999999", t), i32::MAX);
    assert_eq!(numparse::atol(b"-99999999999", t), i64::from(i32::MIN));
    let p = numparse::strtol(b"4294967296", 10, 32, false);
    assert_eq!((p.value, p.overflow), (u64::from(u32::MAX), true));
    let p = numparse::strtol(b"-4294967295", 10, 32, false);
    assert_eq!((p.value, p.overflow), (1, false));
}

#[test]
fn big_fields_stay_bounded() {
    let (out, o, _) = fmt(Target::LP64, b"%*d", &[(MAX_PAD as u64) + 10, 1]);
    assert_eq!(o, Outcome::Failed(format::Failure::Overflow));
    assert!(out.is_empty());
    let (out, o, _) = fmt(Target::LP64, b"%1048576d", &[1]);
    assert_eq!(o, Outcome::Done);
    assert_eq!(out.len(), MAX_PAD);
    let (_, o, _) = fmt(Target::LP64, b"%.*f", &[i32::MAX as u64, 1.0f64.to_bits()]);
    assert_eq!(o, Outcome::Failed(format::Failure::Overflow));
    let (_, o, _) = fmt(Target::LP64, b"%#.*g", &[i32::MAX as u64, 1.0f64.to_bits()]);
    assert_eq!(o, Outcome::Failed(format::Failure::Overflow));
    let (out, o, _) = fmt(
        Target::LP64,
        b"%.*g|%.*e",
        &[i32::MAX as u64, 0.1f64.to_bits(), 30, 0.1f64.to_bits()],
    );
    assert_eq!(o, Outcome::Done);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "0.1000000000000000055511151231257827021181583404541015625|1.000000000000000055511151231258e-01"
    );
    let (_, o, _) = fmt(Target::LP64, b"%70000$d", &[1]);
    assert_eq!(o, Outcome::Failed(format::Failure::Overflow));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn printf_never_panics(
        f in proptest::collection::vec(prop_oneof![Just(b'%'), any::<u8>(), proptest::sample::select(b"0123456789.*$-+ #'Ihlqjzt".to_vec())], 0..48),
        slots in proptest::collection::vec(any::<u64>(), 1..6),
        ilp32 in any::<bool>(),
    ) {
        let target = if ilp32 { Target::ILP32 } else { Target::LP64 };
        let (out, _, _) = fmt(target, &f, &slots);
        // Each conversion emits at most a few times MAX_PAD bytes.
        prop_assert!(out.len() <= (f.len() + 1) * 3 * MAX_PAD);
    }

    #[test]
    fn printf_format_strings_of_any_bytes(f in proptest::collection::vec(any::<u8>(), 0..64), slots in proptest::collection::vec(any::<u64>(), 1..4)) {
        let _ = fmt(Target::LP64, &f, &slots);
    }

    #[test]
    fn scanf_never_panics(
        f in proptest::collection::vec(prop_oneof![Just(b'%'), any::<u8>(), proptest::sample::select(b"0123456789*$[]^-hlLqjztmdiuoxXpncsfeEgaA% ".to_vec())], 0..32),
        input in proptest::collection::vec(any::<u8>(), 0..32),
        ilp32 in any::<bool>(),
    ) {
        let target = if ilp32 { Target::ILP32 } else { Target::LP64 };
        let (r, stores) = scan_with(target, &input, &f);
        prop_assert!(r >= -1);
        prop_assert!(stores.len() <= f.len());
    }
}
