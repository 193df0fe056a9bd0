/* kind: write-to-read-only */
/* bug: memset over a function's code through a function pointer (line 13) */
#include <stdio.h>
#include <string.h>

static int square(int x) { return x * x; }

int main(void) {
  int (*f)(int) = square;
  unsigned char *code = (unsigned char *)(unsigned long)f; /* ISO C: via an integer */
  printf("square(7) = %d\n", f(7));
  printf("patching the code\n");
  memset(code, 0, 4);
  printf("square(7) = %d\n", f(7));
  return 0;
}
