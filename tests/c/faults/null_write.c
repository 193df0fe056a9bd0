/* Fault: write through a null pointer (line 10). */
#include <stdio.h>

int main(int argc, char **argv) {
  long *p = 0;
  (void)argv;
  printf("before the fault\n");
  printf("argc: %d\n", argc);
  p += argc - 1;
  *p = 7;
  printf("not reached\n");
  return 0;
}
