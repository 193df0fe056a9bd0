//! strtol/strtoul/strtod/strtof/atoi against glibc.

mod glibc;

use std::ffi::{CString, c_char};

use glibc::{clear_errno, errno};
use proptest::prelude::*;
use proptest::sample::select;
use segvm::target::Target;
use segvm::vm::builtins::numparse::{self, Parsed};

const ERANGE: i32 = 34;

fn glibc_strtol(s: &str, base: i32, signed: bool) -> Parsed<u64> {
    let c = CString::new(s).unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    clear_errno();
    let value = unsafe {
        if signed {
            libc::strtol(c.as_ptr(), &mut end, base) as u64
        } else {
            libc::strtoul(c.as_ptr(), &mut end, base) as u64
        }
    };
    let e = errno();
    // An invalid base leaves endptr alone (EINVAL); the engine reports no conversion.
    let consumed = if e == libc::EINVAL {
        0
    } else {
        end as usize - c.as_ptr() as usize
    };
    Parsed {
        value,
        consumed,
        overflow: e == ERANGE,
    }
}

fn glibc_strtod(s: &str) -> Parsed<u64> {
    let c = CString::new(s).unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    clear_errno();
    let value = unsafe { libc::strtod(c.as_ptr(), &mut end) };
    Parsed {
        value: value.to_bits(),
        consumed: end as usize - c.as_ptr() as usize,
        overflow: errno() == ERANGE,
    }
}

fn glibc_strtof(s: &str) -> Parsed<u32> {
    let c = CString::new(s).unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    clear_errno();
    let value = unsafe { libc::strtof(c.as_ptr(), &mut end) };
    Parsed {
        value: value.to_bits(),
        consumed: end as usize - c.as_ptr() as usize,
        overflow: errno() == ERANGE,
    }
}

fn ours_strtod(s: &str) -> Parsed<u64> {
    let p = numparse::strtod(s.as_bytes());
    Parsed {
        value: p.value.to_bits(),
        consumed: p.consumed,
        overflow: p.overflow,
    }
}

fn ours_strtof(s: &str) -> Parsed<u32> {
    let p = numparse::strtof(s.as_bytes());
    Parsed {
        value: p.value.to_bits(),
        consumed: p.consumed,
        overflow: p.overflow,
    }
}

fn check_float(s: &str) {
    assert_eq!(ours_strtod(s), glibc_strtod(s), "strtod({s:?})");
    assert_eq!(ours_strtof(s), glibc_strtof(s), "strtof({s:?})");
}

#[test]
fn tricky_floats() {
    for s in [
        "",
        " ",
        "+",
        "-",
        ".",
        "-.",
        "e5",
        ".e5",
        "0",
        "-0",
        "00",
        "0.",
        ".0",
        "1e",
        "1e+",
        "1e-x",
        "1.5e3x",
        " \t\n1.25",
        "0x",
        "0X",
        "0x.",
        "0x.p1",
        "0xp1",
        "0x1p",
        "0x1p+",
        "0x1.8p1",
        "0x.8",
        "-0x1P-1074",
        "0x1p-1075",
        "0x1.0000000000001p-1075",
        "0x1.fffffffffffff8p0",
        "0x1.fffffffffffff7ffp0",
        "0x1.fffffffffffff8p1023",
        "0x1p1024",
        "0x0.0000000000001p-1022",
        "inf",
        "INF",
        "-Inf",
        "infinity",
        "INFINITYx",
        "infinit",
        "nan",
        "-nan",
        "NaN(123)",
        "nan(0x10)",
        "nan()",
        "nan(abc)",
        "nan(1",
        "nan(_a1)",
        "nan(-1)",
        "1e309",
        "-1e309",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "2.225073858507201136057409796709131975934819546351645648e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "0e-400",
        "0e999999999999999999999",
        "1e-999999999999999999999",
        "1e999999999999999999999",
        "123456789012345678901234567890",
        "0.000000000000000000000000000000000001",
        "3.4028235677973366e38",
        "3.4028235677973367e38",
        "1.1754942e-38",
        "1.1754943e-38",
        "1.4012984e-45",
        "7.006492e-46",
        "7.0064923216240862e-46",
        "9007199254740993",
        "9007199254740993.0000000000000000000001",
    ] {
        check_float(s);
    }
    let long = format!("0.{}1e-300", "0".repeat(3000));
    check_float(&long);
    let long = format!("{}e-2000", "1".repeat(2000));
    check_float(&long);
}

#[test]
fn tricky_integers() {
    for s in [
        "",
        " ",
        "+",
        "-",
        "0",
        "-0",
        "0x",
        "0X",
        "0xg",
        "-0x",
        "0x1f",
        "0X1F",
        "017",
        "08",
        "1e5",
        "  -42abc",
        "\t+7",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551615",
        "-18446744073709551616",
        "99999999999999999999999",
        "zz",
        "ZZ",
        "0b101",
    ] {
        for base in [0, 2, 8, 10, 16, 36, 1, 37, -1] {
            for signed in [true, false] {
                let ours = numparse::strtol(s.as_bytes(), base as u32, 64, signed);
                assert_eq!(
                    ours,
                    glibc_strtol(s, base, signed),
                    "{s:?} base {base} signed {signed}"
                );
            }
        }
        let atoi = unsafe { libc::atoi(CString::new(s).unwrap().as_ptr()) };
        assert_eq!(
            numparse::atoi(s.as_bytes(), Target::LP64),
            atoi,
            "atoi({s:?})"
        );
        let atof = unsafe { libc::atof(CString::new(s).unwrap().as_ptr()) };
        assert_eq!(
            numparse::atof(s.as_bytes()).to_bits(),
            atof.to_bits(),
            "atof({s:?})"
        );
    }
}

fn numeric_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ \t]{0,2}[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,4})?[a-z]?",
        "[ ]?[-+]?0[xX][0-9a-fA-F]{0,20}(\\.[0-9a-fA-F]{0,20})?([pP][-+]?[0-9]{1,4})?",
        "[-+]?(inf|INF|infinity|nan|NAN|nan\\([0-9a-z_]{0,6}\\)?)[a-z]{0,2}",
        "[-+ 0-9.eEpPxXaAfFiInN()_]{0,20}",
        // Decimal strings close to representable boundaries.
        ("[1-9][0-9]{15,20}", -340i32..320).prop_map(|(m, e)| format!("{m}e{e}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn strtod_matches_glibc(s in numeric_string()) {
        prop_assert_eq!(ours_strtod(&s), glibc_strtod(&s), "strtod({:?})", s);
        prop_assert_eq!(ours_strtof(&s), glibc_strtof(&s), "strtof({:?})", s);
    }

    #[test]
    fn strtod_round_trips_random_doubles(bits in any::<u64>(), digits in 1usize..25) {
        let x = f64::from_bits(bits);
        let s = format!("{x:.*e}", digits);
        prop_assert_eq!(ours_strtod(&s), glibc_strtod(&s), "strtod({:?})", s);
        prop_assert_eq!(ours_strtof(&s), glibc_strtof(&s), "strtof({:?})", s);
    }

    #[test]
    fn strtol_matches_glibc(
        s in "[ \t]{0,2}[-+]?(0[xX]?)?[0-9a-zA-Z]{0,22}[ .]?",
        base in select(vec![0, 2, 3, 8, 10, 16, 35, 36]),
        signed in any::<bool>(),
    ) {
        let ours = numparse::strtol(s.as_bytes(), base as u32, 64, signed);
        prop_assert_eq!(ours, glibc_strtol(&s, base, signed), "{:?} base {}", s, base);
    }

    #[test]
    fn never_panics_on_bytes(s in proptest::collection::vec(any::<u8>(), 0..64), base in 0u32..40) {
        let _ = numparse::strtol(&s, base, 32, true);
        let _ = numparse::strtol(&s, base, 64, false);
        let _ = numparse::strtod(&s);
        let _ = numparse::strtof(&s);
    }
}
