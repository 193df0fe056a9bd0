/* kind: stack-use-after-return */
/* bug: a store through a global that points to a dead local (line 15) */
#include <stdio.h>

static int *last_seen;

static void remember(void) {
  int value = 42;
  last_seen = &value;
  printf("remembered %d\n", *last_seen);
}

int main(void) {
  remember();
  *last_seen = 7;
  printf("overwrote\n");
  return 0;
}
