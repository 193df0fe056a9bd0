/* kind: step-limit */
/* bug: an unsigned counter is always >= 0: the loop never ends (line 8) */
#include <stdio.h>

int main(void) {
  unsigned i;
  printf("counting\n");
  for (i = 10; i >= 0; i--)
    ;
  printf("done\n");
  return 0;
}
