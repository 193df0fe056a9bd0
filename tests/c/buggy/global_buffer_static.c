/* kind: global-buffer-overflow */
/* bug: the fifth call stores used[4], one past a 4-int static array (line 8) */
#include <stdio.h>

static int next_id(void) {
  static int used[4];
  static int count;
  used[count] = 1;
  return count++;
}

int main(void) {
  for (int i = 0; i < 5; i++)
    printf("id %d\n", next_id());
  return 0;
}
