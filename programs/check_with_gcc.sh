#!/usr/bin/env bash
# check_with_gcc.sh - build and run every example program with gcc.
#
# For every programs/*.c:
#   - it must compile with  gcc -std=c99 -pedantic-errors -Wall -Wextra
#     without a single warning;
#   - a program listed in FAULTS must crash (non-zero exit status);
#   - every other program must exit with status 0, print at most 60 lines,
#     and, unless it is listed in PRINTS_ADDRESSES, print exactly the same
#     output when run a second time.
# With --sanitize the non-fault programs are also built and run with
# -fsanitize=address,undefined, which catches many kinds of undefined
# behaviour and memory errors.
#
# Usage:  ./check_with_gcc.sh [--sanitize]     (from any directory)
# Exit status: 0 if every check passed, 1 otherwise.

set -u

here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-gcc}
flags="-std=c99 -pedantic-errors -Wall -Wextra"
max_lines=60
sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
    sanitize=1
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--sanitize]" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Run a command with a time limit, if the timeout tool is there.
run_limited() {
    if command -v timeout >/dev/null 2>&1; then
        timeout 10 "$@"
    else
        "$@"
    fi
}

listed() {   # listed FILE NAME: is NAME a line of FILE?
    [ -f "$here/$1" ] && grep -qx -- "$2" "$here/$1"
}

failures=0
checked=0
fail() {
    echo "FAIL $1: $2"
    failures=$((failures + 1))
}

# Every name in the two lists must be a program that exists.
for list in FAULTS PRINTS_ADDRESSES; do
    if [ -f "$here/$list" ]; then
        while IFS= read -r name; do
            [ -z "$name" ] && continue
            [ -f "$here/$name" ] || fail "$list" "lists $name, which does not exist"
        done < "$here/$list"
    fi
done

for src in "$here"/*.c; do
    name=$(basename "$src")
    exe="$work/${name%.c}"
    checked=$((checked + 1))

    if ! $cc $flags "$src" -o "$exe" > "$work/cc.txt" 2>&1; then
        fail "$name" "does not compile"
        cat "$work/cc.txt"
        continue
    fi
    if [ -s "$work/cc.txt" ]; then
        fail "$name" "compiler warnings"
        cat "$work/cc.txt"
        continue
    fi

    if listed FAULTS "$name"; then
        # Give the stack a normal size, so the overflow comes quickly.
        ( ulimit -s 8192 2>/dev/null; run_limited "$exe" < /dev/null > /dev/null 2>&1 )
        status=$?
        if [ $status -eq 0 ]; then
            fail "$name" "was expected to crash but exited with status 0"
        elif [ $status -eq 124 ]; then
            fail "$name" "did not finish within 10 seconds"
        else
            echo "ok   $name (crashed as expected, status $status)"
        fi
        continue
    fi

    run_limited "$exe" < /dev/null > "$work/out1.txt" 2>&1
    status=$?
    if [ $status -ne 0 ]; then
        fail "$name" "exit status $status"
        continue
    fi
    lines=$(wc -l < "$work/out1.txt")
    if [ "$lines" -gt $max_lines ]; then
        fail "$name" "prints $lines lines (more than $max_lines)"
        continue
    fi
    if ! listed PRINTS_ADDRESSES "$name"; then
        run_limited "$exe" < /dev/null > "$work/out2.txt" 2>&1
        if ! cmp -s "$work/out1.txt" "$work/out2.txt"; then
            fail "$name" "output differs between two runs"
            continue
        fi
    fi
    if [ $sanitize -eq 1 ]; then
        if ! $cc $flags -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                "$src" -o "$exe.san" > "$work/cc.txt" 2>&1; then
            fail "$name" "does not compile with sanitizers"
            cat "$work/cc.txt"
            continue
        fi
        if ! run_limited "$exe.san" < /dev/null > "$work/san.txt" 2>&1; then
            fail "$name" "sanitizer found a problem"
            tail -n 20 "$work/san.txt"
            continue
        fi
    fi
    echo "ok   $name ($lines lines)"
done

echo "$checked programs checked, $failures failures"
[ $failures -eq 0 ]
