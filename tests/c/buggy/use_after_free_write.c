/* kind: heap-use-after-free */
/* bug: a store into a struct that close_account() freed (line 21) */
#include <stdio.h>
#include <stdlib.h>

struct account {
  long balance;
};

static void close_account(struct account *a) {
  printf("closing with %ld\n", a->balance);
  free(a);
}

int main(void) {
  struct account *a = malloc(sizeof *a);
  if (!a)
    return 2;
  a->balance = 100;
  close_account(a);
  a->balance = 0;
  printf("closed\n");
  return 0;
}
