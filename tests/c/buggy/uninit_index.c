/* kind: uninitialized-read */
/* bug: the uninitialized local k is used as an index, to form an address (line 12) */
#include <stdio.h>

static int table[256];

int main(void) {
  unsigned char k;
  for (int i = 0; i < 256; i++)
    table[i] = i;
  printf("looking up\n");
  int v = table[k];
  printf("got a value\n");
  return v > 1000;
}
