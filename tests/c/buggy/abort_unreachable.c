/* kind: abort */
/* bug: corners() has no case for TRIANGLE and reaches abort() (line 15) */
#include <stdio.h>
#include <stdlib.h>

enum shape { CIRCLE, SQUARE, TRIANGLE };

static int corners(enum shape s) {
  switch (s) {
  case CIRCLE:
    return 0;
  case SQUARE:
    return 4;
  default:
    abort();
  }
}

int main(void) {
  printf("square: %d corners\n", corners(SQUARE));
  printf("triangle: %d corners\n", corners(TRIANGLE));
  return 0;
}
