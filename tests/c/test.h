/* Shared helpers for the C feature tests (chibicc style).
   Each ASSERT prints "code => value"; a mismatch prints the expected
   value and exits with status 1. */
#include <stdio.h>
#include <stdlib.h>

static void assert_eq(long expected, long actual, const char *code) {
  if (expected == actual) {
    printf("%s => %ld\n", code, actual);
  } else {
    printf("%s => %ld expected but got %ld\n", code, expected, actual);
    exit(1);
  }
}

#define ASSERT(x, y) assert_eq(x, y, #y)
