#!/usr/bin/env bash
# Csmith as a second oracle: generate random, well-defined C programs, build each with gcc
# and run it under segvm, and compare what the two print (every global's checksum).
#
# Usage: tests/csmith/run.sh [FIRST [LAST]]      seeds FIRST..LAST (default 1..100)
#        tests/csmith/run.sh --seeds "3 17 42"   just these seeds
#
# Environment:
#   SEGVM          the segvm binary (default: target/release/segvm, built if missing)
#   JOBS           seeds run at once (default: the number of cores)
#   GCC_TIMEOUT    seconds the gcc build may run; longer seeds are skipped (default 10)
#   SEGVM_STEPS    segvm's --max-steps (default 5000000000)
#   SEGVM_TIMEOUT  seconds segvm may run (default 120)
#   CSMITH_EXTRA   more csmith flags, to explore (e.g. "--float --max-funcs 20")
#   KEEP           a folder to keep the programs and outputs in (default: a temporary one,
#                  removed at the end unless a seed failed)
#
# Each seed ends in one of: passed; failed (different output or exit status, a compile
# error, a fault); skipped (the gcc build runs over GCC_TIMEOUT: csmith programs may loop
# for a very long time); over the limit (segvm reached SEGVM_STEPS or SEGVM_TIMEOUT first);
# broken (csmith or gcc itself failed). The last line is `N passed, N failed`.
#
# The programs are generated with the flags below (see tests/csmith/README.md for why each
# is there), built by gcc as the rest of the test suite builds its oracle
# (`-std=c99 -fwrapv -w -O0`), and run by segvm with `--permissive`, because Csmith
# compares and assigns pointers whose targets differ in signedness, which plain
# `gcc -std=c99` accepts with a warning but `-pedantic-errors` rejects.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

CSMITH_FLAGS="--no-bitfields --no-volatiles --no-packed-struct ${CSMITH_EXTRA:-}"
export CSMITH_FLAGS

seeds=()
if [ "${1:-}" = "--seeds" ]; then
    read -r -a seeds <<<"${2:-}"
else
    first="${1:-1}"
    last="${2:-$first}"
    [ $# -eq 0 ] && last=100
    seeds=($(seq "$first" "$last"))
fi
[ ${#seeds[@]} -gt 0 ] || { echo "no seeds given" >&2; exit 2; }

command -v csmith >/dev/null || { echo "csmith is not installed (packages: csmith libcsmith-dev)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "gcc is not installed" >&2; exit 2; }
CSMITH_INC="${CSMITH_INC:-}"
if [ -z "$CSMITH_INC" ]; then
    for d in /usr/include/csmith /usr/local/include/csmith /usr/include/csmith-*; do
        [ -f "$d/csmith.h" ] && CSMITH_INC="$d" && break
    done
fi
[ -n "$CSMITH_INC" ] || { echo "csmith.h not found (package libcsmith-dev, or set CSMITH_INC)" >&2; exit 2; }
export CSMITH_INC

SEGVM="${SEGVM:-$root/target/release/segvm}"
if [ -n "${CARGO_TARGET_DIR:-}" ] && [ "$SEGVM" = "$root/target/release/segvm" ]; then
    SEGVM="$CARGO_TARGET_DIR/release/segvm"
fi
if [ ! -x "$SEGVM" ]; then
    (cd "$root" && cargo build --release --quiet) || exit 2
fi
export SEGVM
export GCC_TIMEOUT="${GCC_TIMEOUT:-10}"
export SEGVM_STEPS="${SEGVM_STEPS:-5000000000}"
export SEGVM_TIMEOUT="${SEGVM_TIMEOUT:-120}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

if [ -n "${KEEP:-}" ]; then
    work="$KEEP"
    mkdir -p "$work"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/csmith.XXXXXX")"
fi
export work

# One seed: writes "$work/SEED.result" as "OUTCOME SEED DETAIL".
one_seed() {
    local s="$1" c="$work/$1.c" exe="$work/$1.gcc" res="$work/$1.result"
    # csmith writes a platform.info into the folder it runs in: run it in the work folder.
    if ! (cd "$work" && csmith $CSMITH_FLAGS -s "$s" -o "$c" >/dev/null 2>"$work/$s.csmith.err"); then
        echo "broken $s csmith failed" >"$res"
        return
    fi
    if ! gcc -std=c99 -fwrapv -w -O0 -I "$CSMITH_INC" "$c" -o "$exe" 2>"$work/$s.gcc.err"; then
        echo "broken $s gcc could not build it" >"$res"
        return
    fi
    timeout "$GCC_TIMEOUT" "$exe" 1 >"$work/$s.expected" 2>/dev/null
    local want=$?
    rm -f "$exe"
    if [ "$want" -eq 124 ]; then
        echo "skipped $s gcc build runs over ${GCC_TIMEOUT} s" >"$res"
        rm -f "$work/$s.expected"
        return
    fi
    local start end
    start=$(date +%s.%N)
    timeout "$SEGVM_TIMEOUT" "$SEGVM" run --permissive -I "$CSMITH_INC" \
        --max-steps "$SEGVM_STEPS" "$c" -- 1 >"$work/$s.got" 2>"$work/$s.segvm.err"
    local got=$?
    end=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    if [ "$got" -eq 124 ]; then
        if grep -q "step limit" "$work/$s.segvm.err"; then
            echo "limit $s step limit of $SEGVM_STEPS reached (${secs} s)" >"$res"
        else
            echo "limit $s time limit of ${SEGVM_TIMEOUT} s reached" >"$res"
        fi
    elif [ "$got" -ne "$want" ] || ! cmp -s "$work/$s.got" "$work/$s.expected"; then
        local why
        if grep -q "^error" "$work/$s.segvm.err" && [ ! -s "$work/$s.got" ]; then
            why="segvm: $(grep -m1 '^error' "$work/$s.segvm.err")"
        else
            why="exit $got (gcc $want); $(diff "$work/$s.expected" "$work/$s.got" | grep -m1 '^[<>]' || echo 'same output')"
        fi
        echo "failed $s $why" >"$res"
    else
        echo "passed $s (${secs} s)" >"$res"
        rm -f "$c" "$work/$s.got" "$work/$s.expected" "$work/$s.segvm.err" "$work/$s".*.err
    fi
}
export -f one_seed

printf '%s\n' "${seeds[@]}" | xargs -P "$JOBS" -I{} bash -c 'one_seed "$@"' _ {}

count() { cat "$work"/*.result 2>/dev/null | awk -v k="$1" '$1 == k' | wc -l; }
list() { cat "$work"/*.result 2>/dev/null | awk -v k="$1" '$1 == k { print $2 }' | sort -n | tr '\n' ' '; }

echo "csmith $(cd "$work" && csmith --version 2>/dev/null | head -1 | awk '{print $2}'), flags: $CSMITH_FLAGS"
echo "seeds: ${#seeds[@]} (${seeds[0]} .. ${seeds[${#seeds[@]}-1]})"
for k in failed limit broken; do
    cat "$work"/*.result 2>/dev/null | awk -v k="$k" '$1 == k' | sort -k2 -n
done
echo "skipped (gcc build runs over ${GCC_TIMEOUT} s): $(count skipped)  seeds: $(list skipped)"
echo "over segvm's limit (${SEGVM_STEPS} steps or ${SEGVM_TIMEOUT} s): $(count limit)  seeds: $(list limit)"
[ "$(count broken)" -gt 0 ] && echo "broken (csmith or gcc failed): $(count broken)  seeds: $(list broken)"
echo "failing seeds: $(list failed)"
failed=$(count failed)
echo "$(count passed) passed, $failed failed"
if [ "$failed" -gt 0 ] || [ -n "${KEEP:-}" ]; then
    echo "programs and outputs kept in $work" >&2
else
    rm -rf "$work"
fi
[ "$failed" -eq 0 ]
