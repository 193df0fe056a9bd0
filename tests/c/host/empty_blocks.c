/* Under --check, freed blocks wait in a quarantine bounded in bytes: blocks of 0 bytes
   count their red zones, so 100,000 of them do not pile up there. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  for (int i = 0; i < 100000; i++)
    free(malloc(0));
  printf("done\n");
  return 0;
}
