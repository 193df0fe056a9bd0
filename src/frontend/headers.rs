//! The standard headers segvm provides, and the macros every compilation starts with.

use crate::target::Target;

/// The text of a built-in header, for `#include <NAME>` (and `"NAME"` when no file matches).
pub fn builtin_header(name: &str) -> Option<&'static str> {
    Some(match name {
        "assert.h" => include_str!("headers/assert.h"),
        "ctype.h" => include_str!("headers/ctype.h"),
        "errno.h" => include_str!("headers/errno.h"),
        "float.h" => include_str!("headers/float.h"),
        "inttypes.h" => include_str!("headers/inttypes.h"),
        "limits.h" => include_str!("headers/limits.h"),
        "math.h" => include_str!("headers/math.h"),
        "segvm.h" => include_str!("headers/segvm.h"),
        "stdarg.h" => include_str!("headers/stdarg.h"),
        "stdbool.h" => include_str!("headers/stdbool.h"),
        "stddef.h" => include_str!("headers/stddef.h"),
        "stdint.h" => include_str!("headers/stdint.h"),
        "stdio.h" => include_str!("headers/stdio.h"),
        "stdlib.h" => include_str!("headers/stdlib.h"),
        "string.h" => include_str!("headers/string.h"),
        _ => return None,
    })
}

/// Standard headers of what segvm leaves out (SPEC section 1), with what they are for:
/// including one is an error that says so.
pub fn unsupported_header(name: &str) -> Option<&'static str> {
    Some(match name {
        "complex.h" | "tgmath.h" => "complex numbers",
        "wchar.h" | "wctype.h" | "uchar.h" => "wide characters",
        "threads.h" | "pthread.h" | "stdatomic.h" => "threads",
        "setjmp.h" => "setjmp and longjmp",
        _ => return None,
    })
}

/// Predefined macros, as `#define` lines: the standard ones and those the headers use
/// to follow the target's data model.
pub fn predefines(target: Target) -> String {
    let lp64 = target.long_size == 8;
    let (int64, intptr, pri64, intptr_max, uintptr_max) = if lp64 {
        (
            "long",
            "long",
            "\"l\"",
            "9223372036854775807L",
            "18446744073709551615UL",
        )
    } else {
        ("long long", "int", "\"ll\"", "2147483647", "4294967295U")
    };
    let int64_suffix = if lp64 { "L" } else { "LL" };
    let mut s = String::new();
    let mut def = |name: &str, value: &str| {
        s.push_str("#define ");
        s.push_str(name);
        s.push(' ');
        s.push_str(value);
        s.push('\n');
    };
    def("__STDC__", "1");
    def("__STDC_VERSION__", "199901L");
    def("__STDC_HOSTED__", "1");
    def("__segvm__", "1");
    def("__CHAR_BIT__", "8");
    def("__SIZEOF_INT__", "4");
    def("__SIZEOF_LONG__", &target.long_size.to_string());
    def("__SIZEOF_LONG_LONG__", "8");
    def("__SIZEOF_POINTER__", &target.ptr_size.to_string());
    def("__SIZEOF_SHORT__", "2");
    def("__SIZEOF_FLOAT__", "4");
    def("__SIZEOF_DOUBLE__", "8");
    def(
        "__LONG_MAX__",
        if lp64 {
            "9223372036854775807L"
        } else {
            "2147483647L"
        },
    );
    def(
        "__SIZE_TYPE__",
        if lp64 {
            "unsigned long"
        } else {
            "unsigned int"
        },
    );
    def("__PTRDIFF_TYPE__", if lp64 { "long" } else { "int" });
    def("__INTPTR_TYPE__", intptr);
    def("__INT64_TYPE__", int64);
    def("__INTPTR_MAX__", intptr_max);
    def("__UINTPTR_MAX__", uintptr_max);
    def("__PRI64", pri64);
    def("__PRIPTR", if lp64 { "\"l\"" } else { "\"\"" });
    def("__INT64_C(c)", &format!("c ## {int64_suffix}"));
    def("__UINT64_C(c)", &format!("c ## U{int64_suffix}"));
    if lp64 {
        def("__LP64__", "1");
        def("_LP64", "1");
        def("__x86_64__", "1");
    } else {
        def("__ILP32__", "1");
    }
    s
}
