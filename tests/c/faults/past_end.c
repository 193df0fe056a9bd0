/* Fault: read from an address beyond the whole 16 MiB memory (line 9). */
#include <stdio.h>

int main(void) {
  int *p = (int *)0x7fff0000;
  printf("before the fault\n");
  printf("address is above 16 MiB: %d\n",
         (unsigned long)p > 16UL * 1024 * 1024);
  printf("value: %d\n", *p);
  printf("not reached\n");
  return 0;
}
