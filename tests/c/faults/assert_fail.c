/* Fault: a failing assert from <assert.h> (line 12). */
#include <assert.h>
#include <stdio.h>

static int square(int x) { return x * x; }

int main(int argc, char **argv) {
  int v = square(argc + 2);
  (void)argv;
  printf("before the fault\n");
  printf("square: %d\n", v);
  assert(v == 10);
  printf("not reached\n");
  return 0;
}
