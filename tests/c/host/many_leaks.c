/* 1,000 leaked blocks: the leak report lists 100 of them and counts all. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  for (int i = 0; i < 1000; i++) {
    int *p = malloc(sizeof *p);
    if (p)
      *p = i;
  }
  printf("leaked\n");
  return 0;
}
