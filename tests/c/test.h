/* Shared helpers for the C feature tests (chibicc style).
   Each ASSERT prints "code => value"; a mismatch prints the expected
   value and exits with status 1 (or, compiled with -DASSERT_KEEP_GOING, goes on: the
   ILP32 tests compare every value with gcc -m32's, LP64 expectations included). */
#include <stdio.h>
#include <stdlib.h>

static void assert_eq(long expected, long actual, const char *code) {
  if (expected == actual) {
    printf("%s => %ld\n", code, actual);
  } else {
    printf("%s => %ld expected but got %ld\n", code, expected, actual);
#ifndef ASSERT_KEEP_GOING
    exit(1);
#endif
  }
}

#define ASSERT(x, y) assert_eq(x, y, #y)
