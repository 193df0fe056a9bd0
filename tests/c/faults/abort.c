/* Fault: the program calls abort() (line 8). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("before the fault\n");
  printf("calling abort\n");
  abort();
  printf("not reached\n");
  return 0;
}
