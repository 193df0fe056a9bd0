/* Constant divisions that overflow are folded as gcc folds them, with gcc's warning
   (-Woverflow): the program is valid and runs; the same divisions of variables trap. */
#include <limits.h>
#include <stdio.h>

int main(void) {
  int q = INT_MIN / -1;
  long r = LONG_MIN % -1L;
  printf("%d %ld\n", q, r);
  return 0;
}
