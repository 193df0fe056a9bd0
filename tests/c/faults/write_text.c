/* Fault: write into code through a function pointer converted to
   an integer, then to unsigned char * (line 14). */
#include <stdio.h>

static int answer(void) { return 42; }

int main(void) {
  int (*fp)(void) = answer;
  unsigned char *code;
  printf("before the fault\n");
  printf("answer: %d\n", fp());
  code = (unsigned char *)(unsigned long)fp; /* ISO C: only through an integer */
  printf("writing into code\n");
  code[0] = 0;
  printf("not reached: %d\n", fp());
  return 0;
}
