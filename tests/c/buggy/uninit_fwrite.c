/* kind: uninitialized-read */
/* bug: fwrite writes out a record whose score was never set (line 20) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  char tag[4];
  int id;
  int score;
};

int main(void) {
  struct record *r = malloc(sizeof *r);
  if (!r)
    return 2;
  memcpy(r->tag, "REC", 4);
  r->id = 7;
  printf("writing record %d\n", r->id);
  fwrite(r, sizeof *r, 1, stdout);
  printf("\n");
  free(r);
  return 0;
}
