#!/bin/bash
# Check every program in this folder with gcc: compiles cleanly, exits with
# the expected status within 1 s, prints the same output twice and at -O2,
# and shows no memory errors under valgrind (nor under ASan/UBSan when
# available). X.stdin, if present, is fed to X.c on standard input; a first
# line "/* exit: N */" sets the expected exit status (default 0).
# Usage: check_with_gcc.sh [file.c ...]
cd "$(dirname "$0")" || exit 2
CDIR=..
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CFLAGS="-std=c99 -pedantic-errors -Wall -fwrapv -I $CDIR"
HAVE_VG=0; command -v valgrind >/dev/null && HAVE_VG=1
HAVE_SAN=0
echo 'int main(void){return 0;}' > "$TMP/s.c"
gcc -fsanitize=address,undefined "$TMP/s.c" -o "$TMP/s" 2>/dev/null && "$TMP/s" && HAVE_SAN=1
pass=0; fail=0
files=("$@"); [ ${#files[@]} -eq 0 ] && files=(*.c)
for f in "${files[@]}"; do
    f=$(basename "$f"); b=${f%.c}; ok=1; why=""
    want=0
    first=$(head -n 1 "$f")
    if [[ $first =~ /\*\ exit:\ ([0-9]+)\ \*/ ]]; then want=${BASH_REMATCH[1]}; fi
    in=/dev/null; [ -f "$b.stdin" ] && in="$b.stdin"
    if ! gcc $CFLAGS "$f" -o "$TMP/$b" -lm 2>"$TMP/$b.cc"; then
        ok=0; why="compile error"
    elif [ -s "$TMP/$b.cc" ]; then
        # a file may allow one warning kind with a comment "allow-warning: -Wxxx"
        allow=$(grep -o 'allow-warning: -W[a-z=-]*' "$f" | head -n 1 | cut -d' ' -f2)
        if [ -z "$allow" ] || grep 'warning:' "$TMP/$b.cc" | grep -qv -- "\[$allow\]"; then
            ok=0; why="compiler warnings: $(grep -m1 'warning:' "$TMP/$b.cc")"
        fi
    fi
    if [ $ok = 1 ]; then
        start=$(date +%s%N)
        timeout 5 "$TMP/$b" <"$in" >"$TMP/$b.out1" 2>/dev/null; rc=$?
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        timeout 5 "$TMP/$b" <"$in" >"$TMP/$b.out2" 2>/dev/null
        if [ $rc != "$want" ]; then ok=0; why="exit $rc, want $want"
        elif [ $ms -ge 1000 ]; then ok=0; why="too slow (${ms} ms)"
        elif ! cmp -s "$TMP/$b.out1" "$TMP/$b.out2"; then ok=0; why="output differs between runs"
        elif [ ! -s "$TMP/$b.out1" ]; then ok=0; why="no output"
        fi
    fi
    if [ $ok = 1 ] && gcc $CFLAGS -O2 "$f" -o "$TMP/$b.O2" -lm 2>/dev/null; then
        timeout 5 "$TMP/$b.O2" <"$in" >"$TMP/$b.O2out" 2>/dev/null; rc=$?
        if [ $rc != "$want" ] || ! cmp -s "$TMP/$b.out1" "$TMP/$b.O2out"; then
            ok=0; why="different result at -O2 (undefined behaviour?)"
        fi
    fi
    if [ $ok = 1 ] && [ $HAVE_VG = 1 ]; then
        timeout 60 valgrind -q --error-exitcode=9 --leak-check=no "$TMP/$b" <"$in" >"$TMP/$b.vg" 2>"$TMP/$b.vgerr"; rc=$?
        if [ $rc != "$want" ]; then ok=0; why="valgrind: exit $rc ($(head -c 300 "$TMP/$b.vgerr"))"
        elif ! cmp -s "$TMP/$b.out1" "$TMP/$b.vg"; then ok=0; why="output differs under valgrind"
        fi
    fi
    if [ $ok = 1 ] && [ $HAVE_SAN = 1 ]; then
        if gcc $CFLAGS -g -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all "$f" -o "$TMP/$b.san" -lm 2>/dev/null; then
            ASAN_OPTIONS=detect_leaks=0 timeout 20 "$TMP/$b.san" <"$in" >"$TMP/$b.san.out" 2>"$TMP/$b.san.err"; rc=$?
            if [ $rc != "$want" ]; then ok=0; why="sanitizer: exit $rc ($(head -c 300 "$TMP/$b.san.err"))"
            elif ! cmp -s "$TMP/$b.out1" "$TMP/$b.san.out"; then ok=0; why="output differs under sanitizers"
            fi
        fi
    fi
    if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $f: $why"; fi
done
echo "level2: $pass passed, $fail failed"
[ $fail = 0 ]
