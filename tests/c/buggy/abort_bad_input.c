/* kind: abort */
/* bug: parse_digit() calls abort() on the 'x' in "12x4" (line 9) */
#include <stdio.h>
#include <stdlib.h>

static int parse_digit(char c) {
  if (c < '0' || c > '9') {
    fprintf(stderr, "not a digit: %c\n", c);
    abort();
  }
  return c - '0';
}

int main(void) {
  const char *s = "12x4";
  int n = 0;
  for (const char *p = s; *p; p++) {
    n = n * 10 + parse_digit(*p);
    printf("so far %d\n", n);
  }
  return 0;
}
