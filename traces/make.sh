#!/bin/sh
# Regenerates the shipped traces: generated workloads (seeded, so the same every time)
# and the heap requests of the example programs. Run from the repository root:
#   sh traces/make.sh
set -e
cargo build --release --quiet
segvm="${CARGO_TARGET_DIR:-target}/release/segvm"
gen() { "$segvm" gen-trace --kind "$1" --seed "$2" --ops "$3" > "traces/$1-$2.rep"; }
gen random 1 10000
gen random 2 40000
gen binary 1 10000
gen binary 2 20000
gen realloc 1 10000
gen realloc 2 20000
gen coalesce 1 10000
gen coalesce 2 30000
gen phases 1 20000
gen phases 2 40000
gen large 1 4000
gen large 2 10000
# Every example program that calls the heap.
for p in dynamic_array fib_memo heap_exhaustion linked_list segments_tour toward_each_other; do
    "$segvm" run "programs/$p.c" --record-allocs "traces/programs/$p.rep" < /dev/null > /dev/null
done
