/* Fault: integer remainder by zero (line 11); the divisor is argc - 1,
   which is 0 when the program runs without arguments. */
#include <stdio.h>

int main(int argc, char **argv) {
  long n = 100;
  long d = argc - 1;
  (void)argv;
  printf("before the fault\n");
  printf("%ld modulo %ld\n", n, d);
  printf("not reached: %ld\n", n % d);
  return 0;
}
