/* Fault: unbounded recursion overflows the stack (line 10, the call). */
#include <stdio.h>

static long depth(long n, char *prev) {
  char frame[256];
  frame[0] = (char)n;
  frame[255] = prev ? prev[0] : 0;
  if (n == -1)
    return frame[0] + frame[255];
  return depth(n + 1, frame) + frame[n % 256];
}

int main(int argc, char **argv) {
  (void)argv;
  printf("before the fault\n");
  printf("recursing forever\n");
  printf("not reached: %ld\n", depth(argc, 0));
  return 0;
}
