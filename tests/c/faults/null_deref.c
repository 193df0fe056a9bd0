/* Fault: read through a null pointer (line 10). */
#include <stdio.h>

int main(int argc, char **argv) {
  int x = 42;
  int *p = argc > 100 ? &x : 0;
  (void)argv;
  printf("before the fault\n");
  printf("p is null: %d\n", p == 0);
  printf("value: %d\n", *p);
  printf("not reached\n");
  return 0;
}
