#!/bin/sh
# Compile every .c in the given directory with gcc (the oracle), run it,
# and check: no warnings/errors, exit status 0, last line "OK",
# and identical output on two runs (no address-dependent output);
# also the same output at -O2 and under -fsanitize=undefined when available.
# Usage: tests/c/check_with_gcc.sh tests/c/level1
set -u
dir=${1:?usage: $0 DIR}
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-gcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for src in "$dir"/*.c; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .c)
  bin="$tmp/$name"
  flags="-std=c99 -pedantic-errors -Wall -fwrapv"
  # a file may ask for extra warning flags in a comment "gcc-extra-flags: ..."
  extra=$(sed -n 's/.*gcc-extra-flags: *\([^*]*\).*/\1/p' "$src" | head -n 1)
  flags="$flags $extra"
  if ! $cc $flags -I "$here" "$src" -o "$bin" 2>"$tmp/$name.cc"; then
    echo "FAIL $src: compile error"; sed 's/^/    /' "$tmp/$name.cc"
    fail=$((fail + 1)); continue
  fi
  if [ -s "$tmp/$name.cc" ]; then
    echo "FAIL $src: compiler warnings"; sed 's/^/    /' "$tmp/$name.cc"
    fail=$((fail + 1)); continue
  fi
  # run twice, with address space randomization differences between runs
  "$bin" >"$tmp/$name.out1" 2>"$tmp/$name.err"; rc=$?
  "$bin" >"$tmp/$name.out2" 2>/dev/null
  if [ "$rc" -ne 0 ]; then
    echo "FAIL $src: exit status $rc"; tail -n 3 "$tmp/$name.out1" | sed 's/^/    /'
    fail=$((fail + 1)); continue
  fi
  if [ "$(tail -n 1 "$tmp/$name.out1")" != "OK" ]; then
    echo "FAIL $src: last line is not OK"; tail -n 3 "$tmp/$name.out1" | sed 's/^/    /'
    fail=$((fail + 1)); continue
  fi
  if ! cmp -s "$tmp/$name.out1" "$tmp/$name.out2"; then
    echo "FAIL $src: output differs between runs (address-dependent?)"
    fail=$((fail + 1)); continue
  fi
  # the same output at -O2 and under the undefined-behaviour sanitizer
  # (a file that relies on gcc-defined behaviour can say "no-ubsan")
  if $cc $flags -O2 -I "$here" "$src" -o "$bin.O2" 2>/dev/null; then
    "$bin.O2" >"$tmp/$name.out3" 2>&1
    if ! cmp -s "$tmp/$name.out1" "$tmp/$name.out3"; then
      echo "FAIL $src: output differs at -O2 (undefined behaviour?)"
      fail=$((fail + 1)); continue
    fi
  fi
  if ! grep -q 'no-ubsan' "$src" && $cc $flags -fsanitize=undefined \
      -fno-sanitize-recover=undefined -I "$here" "$src" -o "$bin.ub" 2>/dev/null; then
    "$bin.ub" >"$tmp/$name.out4" 2>&1
    if ! cmp -s "$tmp/$name.out1" "$tmp/$name.out4"; then
      echo "FAIL $src: undefined behaviour sanitizer complains"
      diff "$tmp/$name.out1" "$tmp/$name.out4" | grep -v '^[0-9]' | head -n 5 | sed 's/^/    /'
      fail=$((fail + 1)); continue
    fi
  fi
  pass=$((pass + 1))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
