/* kind: stack-use-after-return */
/* bug: a load through a pointer to a local of a function that returned (line 14) */
#include <stdio.h>

static int *make_counter(void) {
  int counter = 0;
  int *p = &counter;
  return p;
}

int main(void) {
  int *c = make_counter();
  printf("reading the counter\n");
  printf("%d\n", *c);
  return 0;
}
