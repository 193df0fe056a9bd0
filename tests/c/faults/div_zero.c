/* Fault: integer division by zero (line 11); the divisor is argc - 1,
   which is 0 when the program runs without arguments. */
#include <stdio.h>

int main(int argc, char **argv) {
  int n = 100;
  int d = argc - 1;
  (void)argv;
  printf("before the fault\n");
  printf("dividing %d by %d\n", n, d);
  printf("not reached: %d\n", n / d);
  return 0;
}
