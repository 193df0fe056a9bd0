/* kind: division-by-zero */
/* bug: the remainder by a bucket count of 0 (line 9) */
#include <stdio.h>

int main(void) {
  int buckets = 0;
  int key = 1234;
  printf("hashing %d\n", key);
  printf("bucket %d\n", key % buckets);
  return 0;
}
