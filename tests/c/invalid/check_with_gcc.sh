#!/bin/bash
# Check every program in this folder with gcc: it must be rejected by
# gcc -std=c99 -pedantic-errors, exactly one line must carry "// ERROR",
# and gcc's first error must be reported on that line.
# Usage: check_with_gcc.sh [-v] [file.c ...]
cd "$(dirname "$0")" || exit 2
verbose=0; [ "$1" = -v ] && { verbose=1; shift; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
files=("$@"); [ ${#files[@]} -eq 0 ] && files=(*.c)
for f in "${files[@]}"; do
    f=$(basename "$f")
    marks=$(grep -c '// ERROR' "$f")
    if [ "$marks" != 1 ]; then echo "FAIL $f: $marks lines marked // ERROR"; fail=$((fail+1)); continue; fi
    want=$(grep -n '// ERROR' "$f" | cut -d: -f1)
    if ! head -n 1 "$f" | grep -q '^/\*.*\*/$'; then echo "FAIL $f: no one-line comment at top"; fail=$((fail+1)); continue; fi
    if gcc -std=c99 -pedantic-errors -fsyntax-only -I .. "$f" >"$TMP/out" 2>&1; then
        echo "FAIL $f: gcc accepted it"; fail=$((fail+1)); continue
    fi
    first=$(grep -E "^$f:[0-9]+:([0-9]+:)? (fatal )?error:" "$TMP/out" | head -n 1)
    got=$(echo "$first" | cut -d: -f2)
    if [ "$got" != "$want" ]; then
        echo "FAIL $f: first error on line ${got:-?}, marked line $want: $first"; fail=$((fail+1)); continue
    fi
    [ $verbose = 1 ] && echo "ok   $f: ${first#*error: }"
    pass=$((pass+1))
done
echo "invalid: $pass passed, $fail failed"
[ $fail = 0 ]
