//! Unit tests: expansion corner cases, `#if` evaluation, diagnostics.

use super::*;

/// Preprocesses `src` as `t.c`; returns the rendered output and the diagnostics as
/// `LINE:COL: message` lines.
fn run(src: &str) -> (String, String) {
    let mut sources = SourceMap::new();
    let main = sources.add_file("t.c", src);
    let opts = PpOptions {
        include_dirs: Vec::new(),
        defines: Vec::new(),
        target: Target::LP64,
    };
    let r = preprocess(&mut sources, main, &opts);
    let diags: Vec<String> = r
        .diagnostics
        .iter()
        .map(|d| {
            let at = d.span.map_or_else(String::new, |s| sources.describe(s));
            let kind = if d.is_error() { "error" } else { "warning" };
            format!("{at}: {kind}: {}", d.message)
        })
        .collect();
    (render_tokens(&r.tokens), diags.join("\n"))
}

/// The output of a source that must preprocess without diagnostics.
fn out(src: &str) -> String {
    let (text, diags) = run(src);
    assert_eq!(diags, "", "unexpected diagnostics for:\n{src}");
    text.trim_end().to_string()
}

/// Output with all white space removed, to compare token sequences with the standard.
fn squeezed(src: &str) -> String {
    out(src).split_whitespace().collect()
}

fn diags(src: &str) -> String {
    run(src).1
}

/// Whether `#if EXPR` takes its group.
fn truth(expr: &str) -> bool {
    match out(&format!("#if {expr}\nyes\n#else\nno\n#endif\n")).as_str() {
        "yes" => true,
        "no" => false,
        other => panic!("odd output {other:?}"),
    }
}

#[test]
fn object_and_function_macros() {
    assert_eq!(out("#define N 10\nint a[N];"), "int a[10];");
    assert_eq!(
        out("#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(1, x+2)"),
        "((1) > (x+2) ? (1) : (x+2))"
    );
    assert_eq!(out("#define F() 1\nF() F ( )"), "1 1");
    assert_eq!(out("#define F(x) [x]\nF() F(())"), "[] [()]");
    assert_eq!(
        out("#define F(x, y) x|y\nF((a, b), c)"),
        "(a, b)|c",
        "commas inside parentheses do not split arguments"
    );
    assert_eq!(
        out("#define f(x) <x>\nf\n(1) f + f(2)"),
        "<1> f + <2>",
        "a name not followed by ( is not an invocation; newlines may come between"
    );
    assert_eq!(out("#define E\na E b E"), "a b");
    assert_eq!(out("#define F(x) x\nF(\n  a\n  b\n)"), "a b");
}

#[test]
fn standard_example_3() {
    let src = "#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
";
    let expect = "f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { \"hello\", \"\" };";
    assert_eq!(squeezed(src), expect.split_whitespace().collect::<String>());
}

#[test]
fn standard_example_4() {
    let src = r#"#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
"#;
    let expect = r#"printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
"vers2.h"
"hello";
"hello" ", world""#;
    assert_eq!(out(src), expect);
}

#[test]
fn standard_examples_5_and_7() {
    let src = "#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };";
    assert_eq!(
        squeezed(src),
        "intj[]={123,45,67,89,10,11,12,};".to_string()
    );
    let src = r#"#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);"#;
    let expect = r#"fprintf(stderr, "Flag");
fprintf(stderr, "X = %d\n", x);
puts("The first, second, and third items.");
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));"#;
    assert_eq!(out(src), expect);
}

#[test]
fn standard_example_6_redefinitions() {
    let valid = "#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )
";
    assert_eq!(diags(valid), "");
    for bad in [
        "#define OBJ_LIKE (0)",
        "#define OBJ_LIKE (1 - 1)",
        "#define FUNC_LIKE(b) ( a )",
        "#define FUNC_LIKE(b) ( b )",
    ] {
        let d = diags(&format!("{valid}{bad}\n"));
        assert!(d.contains("redefined"), "{bad}: {d}");
    }
}

#[test]
fn rescanning_and_hide_sets() {
    assert_eq!(out("#define foo foo\nfoo"), "foo");
    assert_eq!(out("#define a b\n#define b a\na b"), "a b");
    assert_eq!(
        out("#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)"),
        "2*9*g",
        "gcc's reading of C99 6.10.3.4 EXAMPLE"
    );
    assert_eq!(out("#define AA BB\n#define BB() AA\nBB()()"), "BB()");
    assert_eq!(
        out("#define f(x) x\n#define g f(g)\ng"),
        "g",
        "an argument keeps its hide set"
    );
    assert_eq!(
        out("#define LP (\n#define F(x) [x]\nF LP 1)"),
        "F ( 1)",
        "a ( from an expansion after a name read from the file does not invoke"
    );
    assert_eq!(
        out("#define F(x) [x]\n#define G F\nG(1)"),
        "[1]",
        "a name from an expansion takes its ( from the file"
    );
    assert_eq!(
        out("#define AB done\n#define CAT(a, b) a ## b\n#define X CAT(A, B)\nX"),
        "done",
        "a pasted token is rescanned"
    );
}

#[test]
fn arguments_are_expanded_first_except_around_hash() {
    let defs = "#define N 4\n#define str(x) #x\n#define xstr(x) str(x)\n#define cat(a, b) a ## b\n#define xcat(a, b) cat(a, b)\n";
    assert_eq!(out(&format!("{defs}str(N) xstr(N)")), "\"N\" \"4\"");
    assert_eq!(out(&format!("{defs}cat(N, 2) xcat(N, 2)")), "N2 42");
    assert_eq!(
        out(&format!("{defs}str( a  +\n  b ) str(\"a\\n\" '\\'')")),
        r#""a + b" "\"a\\n\" '\\''""#
    );
    assert_eq!(
        out(&format!("{defs}cat(1, e) cat(L, 'a') cat(., 5)")),
        "1e L'a' .5"
    );
}

#[test]
fn variadic_macros() {
    assert_eq!(
        out("#define F(...) f(__VA_ARGS__)\nF() F(1) F(1, 2)"),
        "f() f(1) f(1, 2)"
    );
    assert_eq!(
        out("#define F(fmt, ...) p(fmt, __VA_ARGS__)\nF(\"a\", x, (y, z))"),
        "p(\"a\", x, (y, z))"
    );
    assert_eq!(
        out("#define S(...) #__VA_ARGS__\nS(a, b ,c)"),
        "\"a, b ,c\""
    );
    assert_eq!(
        out("#define G(a...) g(a)\nG(1, 2)"),
        "g(1, 2)",
        "GNU named variadic parameter"
    );
    assert_eq!(
        out("#define H(x, ...) h(x , ## __VA_ARGS__)\n#define M 1\nH(0) H(0,) H(0, M)"),
        "h(0) h(0 ,) h(0 , 1)",
        "GNU comma: dropped when the variadic argument is absent, as gcc -std=c99"
    );
    assert_eq!(out("#define G(...) g(0, ## __VA_ARGS__)\nG()"), "g(0,)");
}

#[test]
fn va_opt_as_gcc() {
    let src = "#define E
#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)
F(1) F(1, 2) F(1,) F(1, E)
#define G(...) g(0 __VA_OPT__(, __VA_ARGS__))
G() G(x, y)
#define H(x, ...) x ## __VA_OPT__(_suffix) end
H(a) H(a, 1)
#define S(...) #__VA_OPT__(x)
S() S(1)
#define P(x, ...) __VA_OPT__(x ## x)
P(a, 1) P(b)";
    assert_eq!(
        out(src),
        "f(1 ) f(1 , 2) f(1 ) f(1 )\ng(0 ) g(0 , x, y)\na end a_suffix end\n\"\" \"x\"\naa"
    );
    let cases = [
        (
            "#define N(...) __VA_OPT__(__VA_OPT__())",
            "t.c:1:27: error: __VA_OPT__ may not appear in a __VA_OPT__",
        ),
        (
            "#define N(...) __VA_OPT__ x",
            "t.c:1:16: error: __VA_OPT__ must be followed by an open parenthesis",
        ),
        (
            "#define N(...) __VA_OPT__(x",
            "t.c:1:16: error: unterminated __VA_OPT__",
        ),
        (
            "#define N(...) __VA_OPT__(## x)",
            "t.c:1:27: error: '##' cannot appear at either end of __VA_OPT__",
        ),
        (
            "#define N(x) __VA_OPT__(x)",
            "t.c:1:14: warning: __VA_OPT__ can only appear in the expansion of a variadic macro",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(diags(src), want, "{src}");
    }
    assert_eq!(
        diags("#define N(...) __VA_OPT__(a b)\n#define N(...) __VA_OPT__(a  b)\n"),
        "",
        "identical redefinition"
    );
    assert!(
        diags("#define N(...) __VA_OPT__(a b)\n#define N(...) __VA_OPT__(ab)\n")
            .contains("redefined")
    );
}

#[test]
fn argument_count_errors() {
    let d = diags("#define P(x, y) x y\nP(1)\nP(1,2,3)\n#define Z() z\nZ(1)\n");
    assert_eq!(
        d,
        "t.c:2:1: error: macro \"P\" requires 2 arguments, but only 1 given\n\
         t.c:3:1: error: macro \"P\" passed 3 arguments, but takes just 2\n\
         t.c:5:1: error: macro \"Z\" passed 1 arguments, but takes just 0"
    );
    let (text, d) = run("#define W(x) x\nW(1\n");
    assert_eq!(text.trim(), "W");
    assert_eq!(
        d,
        "t.c:2:1: error: unterminated argument list invoking macro \"W\""
    );
}

#[test]
fn definition_errors() {
    let cases = [
        (
            "#define",
            "t.c:1:8: error: no macro name given in #define directive",
        ),
        (
            "#define 3",
            "t.c:1:9: error: macro names must be identifiers",
        ),
        (
            "#define defined",
            "t.c:1:9: error: \"defined\" cannot be used as a macro name",
        ),
        (
            "#define F(x",
            "t.c:1:12: error: missing ')' in macro parameter list",
        ),
        (
            "#define F(",
            "t.c:1:11: error: missing ')' in macro parameter list",
        ),
        (
            "#define F(1)",
            "t.c:1:11: error: expected parameter name, found \"1\"",
        ),
        (
            "#define F(x y)",
            "t.c:1:13: error: expected ',' or ')', found \"y\"",
        ),
        (
            "#define F(x,x)",
            "t.c:1:13: error: duplicate macro parameter \"x\"",
        ),
        (
            "#define F(...x)",
            "t.c:1:14: error: expected ')' after \"...\"",
        ),
        (
            "#define F(x) #y",
            "t.c:1:14: error: '#' is not followed by a macro parameter",
        ),
        (
            "#define F ## a",
            "t.c:1:11: error: '##' cannot appear at either end of a macro expansion",
        ),
        (
            "#define F(x) x ##",
            "t.c:1:16: error: '##' cannot appear at either end of a macro expansion",
        ),
        (
            "#define F+",
            "t.c:1:9: warning: ISO C99 requires whitespace after the macro name",
        ),
        (
            "#define V __VA_ARGS__",
            "t.c:1:11: warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(diags(src), want, "{src}");
    }
    assert_eq!(
        out("#define O # x\nO"),
        "# x",
        "# is an ordinary token in an object-like macro"
    );
}

#[test]
fn pasting() {
    assert_eq!(
        out("#define C(a, b) a ## b\nC(x, 1) C(-, >) C(<<, =) C(, y) C(z, )"),
        "x1 -> <<= y z"
    );
    let (text, d) = run("#define C(a, b) a ## b\nC(+,-) C(., .)");
    assert_eq!(text.trim(), "+- . .");
    assert_eq!(
        d,
        "t.c:2:3: error: pasting \"+\" and \"-\" does not give a valid preprocessing token\n\
         t.c:2:10: error: pasting \".\" and \".\" does not give a valid preprocessing token"
    );
    assert_eq!(
        diags("#define C(a, b) a ## b\nC(/, /)"),
        "t.c:2:3: error: pasting \"/\" and \"/\" does not give a valid preprocessing token"
    );
    assert_eq!(
        out("#define X a ## b\nX"),
        "ab",
        "## works in object-like macros"
    );
}

#[test]
fn dynamic_macros() {
    assert_eq!(out("__LINE__\n\n__LINE__"), "1\n3");
    assert_eq!(out("#define L __LINE__\n\nL"), "3");
    assert_eq!(
        out("#define F(x) x __LINE__\nF(\n__LINE__\n)"),
        "3 2",
        "as gcc: the argument's own line, the invocation's line for the body"
    );
    assert_eq!(out("__FILE__"), "\"t.c\"");
    assert_eq!(
        out("#define S(x) #x\n#define XS(x) S(x)\nXS(__LINE__)"),
        "\"3\""
    );
    assert_eq!(out("__DATE__ __TIME__"), "\"Jan  1 1970\" \"00:00:00\"");
    assert_eq!(out("__COUNTER__ __COUNTER__"), "0 1");
    assert_eq!(
        out("#if defined(__LINE__) && __LINE__ == 1\nok\n#endif"),
        "ok"
    );
    assert_eq!(
        out("#line 100\n__LINE__\n#line 7 \"x.c\"\n__LINE__ __FILE__"),
        "100\n7 \"x.c\""
    );
    assert_eq!(out("#define N 20\n#line N\n__LINE__"), "20");
    assert_eq!(out("# 50 \"y.c\" 2\n__LINE__ __FILE__"), "50 \"y.c\"");
}

#[test]
fn predefined_and_command_line_macros() {
    assert_eq!(out("__STDC_VERSION__ __STDC__"), "199901L 1");
    let mut sources = SourceMap::new();
    let main = sources.add_file("t.c", "A B F(2)");
    let opts = PpOptions {
        include_dirs: Vec::new(),
        defines: vec![
            ("A".into(), None),
            ("B".into(), Some("x y".into())),
            ("F(x)".into(), Some("x*x".into())),
        ],
        target: Target::ILP32,
    };
    let r = preprocess(&mut sources, main, &opts);
    assert!(r.diagnostics.is_empty());
    assert_eq!(render_tokens(&r.tokens), "1 x y 2*2\n");
}

#[test]
fn conditionals() {
    let src = "#define A 2
#if A == 1
one
#elif A == 2
two
#else
other
#endif
#ifdef A
defA
#endif
#ifndef B
noB
#else
B
#endif
#if 0
#if garbage (
#error not reached
#else
#endif
@ 'unterminated
#elif 0
#endif
";
    assert_eq!(out(src), "two\ndefA\nnoB");
    assert_eq!(out("#if 0\n#elif 0\n#else\nc\n#endif"), "c");
    assert_eq!(out("#if 1\na\n#elif 1/0\n#else\n#endif"), "a");
}

#[test]
fn if_expressions() {
    for e in [
        "1",
        "-1 < 0",
        "-1 > 0u",
        "0x7fffffffffffffff > 0",
        "18446744073709551615u == -1",
        "(2 || 1/0) && !(0 && 1/0)",
        "0 ? 1/0 : 2",
        "1 ? 2 : 1/0",
        "(1, 2) == 2",
        "'a' == 97 && '\\377' < 0",
        "~0 == -1 && ~0u > 0",
        "-1 >> 1 == -1 && -1u >> 63 == 1",
        "1 << 2 << 3 == 32",
        "10 / 3 == 3 && -7 / 2 == -3 && -7 % 2 == -1",
        "undefined_identifier == 0",
        "defined X == 0 && !defined(X)",
        "(3 > 2 > 1) == 0",
        "1 ? 1 ? 2 : 3 : 4",
        "__LONG_MAX__ == 9223372036854775807",
        "-9223372036854775807 - 1 < 0",
        "0b11 == 3",
        "1 == 1L && 1u == 1ULL",
        "true == 0",
    ] {
        assert!(truth(e), "#if {e}");
    }
    for e in ["0", "1 - 1", "-1 < 0u", "0 && 1", "'\\0'", "(0)"] {
        assert!(!truth(e), "#if {e}");
    }
}

#[test]
fn if_expression_errors() {
    let cases = [
        ("1/0", "t.c:1:6: error: division by zero in #if"),
        ("1 % (2 - 2)", "t.c:1:7: error: division by zero in #if"),
        ("", "t.c:1:4: error: #if with no expression"),
        ("1 +", "t.c:1:7: error: operator '+' has no right operand"),
        ("(1", "t.c:1:5: error: missing ')' in expression"),
        (
            "()",
            "t.c:1:6: error: missing expression between '(' and ')'",
        ),
        ("1 )", "t.c:1:7: error: missing '(' in expression"),
        (
            "1 2",
            "t.c:1:7: error: missing binary operator before token \"2\"",
        ),
        ("* 2", "t.c:1:5: error: operator '*' has no left operand"),
        ("1 : 2", "t.c:1:7: error: ':' without preceding '?'"),
        ("1 ? 2", "t.c:1:7: error: '?' without following ':'"),
        (
            "\"s\"",
            "t.c:1:5: error: token \"\"s\"\" is not valid in preprocessor expressions",
        ),
        (
            "x = 1",
            "t.c:1:7: error: token \"=\" is not valid in preprocessor expressions",
        ),
        (
            "1.0",
            "t.c:1:5: error: floating constant in preprocessor expression",
        ),
        (
            "defined",
            "t.c:1:5: error: operator \"defined\" requires an identifier",
        ),
        (
            "defined(X",
            "t.c:1:13: error: missing ')' after \"defined\"",
        ),
        ("''", "t.c:1:5: error: empty character constant"),
        (
            "0x7fffffffffffffff + 1",
            "t.c:1:24: warning: integer overflow in preprocessor expression",
        ),
        (
            "'ab'",
            "t.c:1:5: warning: multi-character character constant",
        ),
    ];
    for (e, want) in cases {
        assert_eq!(diags(&format!("#if {e}\n#endif\n")), want, "#if {e}");
    }
    assert_eq!(
        diags("#define D (1/0)\n#if D\n#endif\n"),
        "t.c:2:5: error: division by zero in #if"
    );
    assert_eq!(run("#define D (1/0)\n#if D\n#endif\n").1.lines().count(), 1);
    let deep = format!("#if {}1{}\n#endif\n", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(
        diags(&deep),
        "t.c:1:261: error: #if expression nested too deeply"
    );
    let fine = format!("#if {}1{}\nok\n#endif\n", "-(".repeat(100), ")".repeat(100));
    assert_eq!(out(&fine), "ok");
}

#[test]
fn conditional_structure_errors() {
    assert_eq!(diags("#if 1\n"), "t.c:1:2: error: unterminated #if");
    assert_eq!(
        diags("#ifndef X\n#else\n"),
        "t.c:1:2: error: unterminated #else"
    );
    assert_eq!(
        diags("#if 0\n#elif 0\n"),
        "t.c:1:2: error: unterminated #elif"
    );
    assert_eq!(
        diags("#if 1\n#ifdef X\n"),
        "t.c:2:2: error: unterminated #ifdef\nt.c:1:2: error: unterminated #if"
    );
    assert_eq!(
        diags("#endif\n#else\n#elif 1\n"),
        "t.c:1:2: error: #endif without #if\nt.c:2:2: error: #else without #if\nt.c:3:2: error: #elif without #if"
    );
    assert_eq!(
        diags("#if 1\n#else\n#else\n#endif\n"),
        "t.c:3:2: error: #else after #else"
    );
    assert_eq!(
        diags("#if 0\n#else\n#elif 1\n#endif\n"),
        "t.c:3:2: error: #elif after #else"
    );
    assert_eq!(
        diags("#ifdef\n#endif\n#ifdef X Y\n#endif Z\n"),
        "t.c:1:7: error: no macro name given in #ifdef directive\n\
         t.c:3:10: warning: extra tokens at end of #ifdef directive\n\
         t.c:4:8: warning: extra tokens at end of #endif directive"
    );
}

#[test]
fn other_directives() {
    assert_eq!(
        diags("#error hello   \"world\"  /* c */ x\n#warning careful\n"),
        "t.c:1:2: error: #error hello \"world\" x\nt.c:2:2: warning: #warning careful"
    );
    assert_eq!(
        diags("#foo\n"),
        "t.c:1:2: error: invalid preprocessing directive #foo"
    );
    assert_eq!(out("#\n# /* null */\nx"), "x");
    assert_eq!(out("#pragma STDC FP_CONTRACT ON\n#pragma whatever\nx"), "x");
    assert_eq!(
        out("#define X 1\n#pragma push_macro(\"X\")\n#undef X\nX\n#pragma pop_macro(\"X\")\nX"),
        "X\n1"
    );
    assert_eq!(out("_Pragma(\"whatever\") x"), "x");
    assert_eq!(
        diags("_Pragma(1)"),
        "t.c:1:1: error: _Pragma takes a parenthesized string literal"
    );
    assert_eq!(
        diags("#line x\n"),
        "t.c:1:7: error: \"x\" after #line is not a positive integer"
    );
    assert_eq!(
        diags("#undef __FILE__\n"),
        "t.c:1:8: warning: undefining \"__FILE__\""
    );
    assert_eq!(
        diags("#include\n#include nope\n#include <nope.h>\n"),
        "t.c:1:9: error: #include expects \"FILENAME\" or <FILENAME>\n\
         t.c:2:10: error: #include expects \"FILENAME\" or <FILENAME>\n\
         t.c:3:10: error: nope.h: No such file or directory"
    );
    assert_eq!(
        diags("#include <a>>.h> x\n#include <b.h\n"),
        "t.c:1:14: warning: extra tokens at end of #include directive\n\
         t.c:1:10: error: a: No such file or directory\n\
         t.c:2:10: error: missing terminating > character"
    );
}

#[test]
fn builtin_headers() {
    let (text, d) =
        run("#include <stdint.h>\n#include <stdint.h>\nINT64_MAX UINT32_MAX INT64_C(5)");
    assert_eq!(d, "");
    assert!(
        text.ends_with("(9223372036854775807L) (4294967295U) 5L\n"),
        "{text}"
    );
    let (text, d) = run("#include <assert.h>\nassert(x == 1);");
    assert_eq!(d, "");
    assert!(
        text.ends_with("((x == 1) ? (void)0 : __assert_fail(\"x == 1\", \"t.c\", 2, __func__));\n"),
        "{text}"
    );
    let (text, d) = run(
        "#include <limits.h>\n#if LONG_MAX > INT_MAX && ULONG_MAX == 18446744073709551615u\nbig\n#endif",
    );
    assert_eq!(d, "");
    assert_eq!(text, "big\n");
}

#[test]
fn has_include_and_byte_order_mark() {
    let src = "\u{feff}#define A 1\nA\n#if defined(__has_include) && __has_include(<stdio.h>) && !__has_include(\"nope.h\")\nyes\n#endif\n#ifdef __has_include\nyes2\n#endif\n";
    assert_eq!(out(src), "1\nyes\nyes2");
    assert_eq!(
        diags(
            "__has_include(<stdio.h>)\n#if __has_include\n#endif\n#if __has_include(\n#endif\n#if __has_include(<stdio.h>\n#endif\n"
        ),
        "t.c:1:1: error: \"__has_include\" used outside of preprocessing directive\n\
         t.c:2:5: error: missing '(' before \"__has_include\" operand\n\
         t.c:4:5: error: operator \"__has_include\" requires a header-name\n\
         t.c:6:5: error: missing ')' after \"__has_include\" operand"
    );
}

#[test]
fn stray_characters() {
    assert_eq!(diags("a @ b"), "t.c:1:3: error: stray '@' in program");
    assert_eq!(
        diags("#define AT @\nAT"),
        "t.c:2:1: error: stray '@' in program"
    );
    assert_eq!(
        diags("\"abc\n"),
        "t.c:1:1: error: missing terminating \" character"
    );
    assert_eq!(diags("#if 0\n@ ` \\ x 'y\n#endif\n"), "");
}

#[test]
fn locations_of_expanded_tokens() {
    let mut sources = SourceMap::new();
    let main = sources.add_file("t.c", "#define F(x) (x + 1)\n  F(y)");
    let opts = PpOptions {
        include_dirs: Vec::new(),
        defines: Vec::new(),
        target: Target::LP64,
    };
    let r = preprocess(&mut sources, main, &opts);
    let at = |t: &Token| sources.describe(t.span);
    let spelled = |t: &Token| t.spelling.map(|s| sources.describe(s));
    let toks = &r.tokens;
    assert_eq!(toks.len(), 5);
    assert_eq!(
        at(&toks[0]),
        "t.c:2:3",
        "body tokens are seen at the invocation"
    );
    assert_eq!(spelled(&toks[0]).as_deref(), Some("t.c:1:14"));
    assert!(toks[0].line_start && toks[0].leading_space);
    assert_eq!(
        at(&toks[1]),
        "t.c:2:5",
        "argument tokens stay where written"
    );
    assert_eq!(toks[1].spelling, None);
    assert_eq!(spelled(&toks[3]).as_deref(), Some("t.c:1:19"));
    assert!(!toks[4].line_start);
}

#[test]
fn errors_in_expansions_note_the_macro() {
    let mut sources = SourceMap::new();
    let main = sources.add_file("t.c", "#define G(a, b) a\n#define F G(1)\nF\n");
    let opts = PpOptions {
        include_dirs: Vec::new(),
        defines: Vec::new(),
        target: Target::LP64,
    };
    let r = preprocess(&mut sources, main, &opts);
    let [d] = r.diagnostics.as_slice() else {
        panic!("{:?}", r.diagnostics)
    };
    assert_eq!(
        d.message,
        "macro \"G\" requires 2 arguments, but only 1 given"
    );
    assert_eq!(sources.describe(d.span.unwrap()), "t.c:3:1");
    let notes: Vec<_> = d
        .notes
        .iter()
        .map(|(m, s)| format!("{m} @ {}", sources.describe(s.unwrap())))
        .collect();
    assert_eq!(
        notes,
        [
            "in expansion of macro 'F' @ t.c:2:11",
            "macro \"G\" defined here @ t.c:1:9"
        ]
    );
}

#[test]
fn runaway_expansions_are_bounded() {
    let mut src = String::from("#define A0 x x\n");
    for i in 1..40 {
        src.push_str(&format!("#define A{i} A{p} A{p}\n", p = i - 1));
    }
    src.push_str("A39 ok\n");
    let (text, d) = run(&src);
    assert!(
        d.contains("t.c:41:1: error: macro expansion too large"),
        "{d}"
    );
    assert_eq!(d.lines().count(), 1);
    assert!(text.ends_with("ok\n"));

    let chain = |n: usize| {
        let mut src: String = (0..n)
            .map(|i| format!("#define M{i} M{}\n", i + 1))
            .collect();
        src.push_str("M0\n");
        run(&src)
    };
    assert_eq!(chain(1000), ("M1000\n".to_string(), String::new()));
    let (_, d) = chain(100_000);
    assert!(d.contains("macro expansion too large"), "{d}");

    let nested = format!(
        "#define F(x) x\n{}1{}\n",
        "F(".repeat(1000),
        ")".repeat(1000)
    );
    let (_, d) = run(&nested);
    assert!(d.contains("nested too deeply"), "{d}");
}

#[test]
fn render_keeps_tokens_apart() {
    assert_eq!(out("#define P +\n+P -P"), "+ + -+");
    assert_eq!(out("#define E\n-E-"), "- -");
    assert_eq!(out("#define I(x) x\nI(a)I(b)"), "a b");
    assert_eq!(out("#define P(x) x\nP(L)\"s\" P(.).P(.)"), "L \"s\" . . .");
    assert_eq!(out("#define D /\nD*x*D"), "/ *x*/");
}

#[test]
fn never_panics_on_odd_input() {
    for src in [
        "#",
        "#define",
        "#define F(",
        "#define F(x) #",
        "#define F(...) __VA_ARGS__ ## x\nF()",
        "#define F(x) x ## ## x\nF(1)",
        "#if",
        "#if (",
        "#if 1 ?",
        "#elif",
        "#line",
        "#line 99999999999999999999",
        "#include <",
        "#include \"\"",
        "#include <>",
        "F(",
        "#define F(x) x\nF(",
        "#define F(x, ...) , ## __VA_ARGS__\nF()",
        "#define C(a) , ## a\nC()",
        "_Pragma",
        "_Pragma(",
        "#pragma push_macro(",
        "#pragma pop_macro(\"Q\")",
        "'",
        "\"",
        "#if '\\",
        "#if 'é'",
        "#if L'é' == 233\nx\n#endif",
        "#define S(x) #x\nS(\\)",
        "#if 0x\n#endif",
        "#if 1 << 99999999999999999999\n#endif",
        "#if -9223372036854775807-1 / -1\n#endif",
        "#if (-9223372036854775807-1) % -1\n#endif",
    ] {
        let _ = run(src);
    }
}

#[test]
fn line_splices() {
    assert_eq!(
        out("#define MSG \"hello \\\nworld\"\nMSG\n#define F\\\n(x) x\nF(1) fo\\\no"),
        "\"hello world\"\n1 foo"
    );
}
