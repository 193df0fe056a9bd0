/* kind: segmentation-fault */
/* bug: a load through a wild pointer past the end of the address space (line 9) */
#include <stdio.h>

int main(void) {
  /* An address far above any mapping (past the end of segvm's address space). */
  volatile int *p = (int *)0x7ff00000UL;
  printf("reading a wild pointer\n");
  printf("value = %d\n", *p);
  return 0;
}
