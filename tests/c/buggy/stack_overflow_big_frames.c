/* kind: stack-overflow */
/* bug: 100000 nested calls with a 64 KiB array in each frame (line 10) */
#include <stdio.h>

static int depth(int n) {
  char buf[64 * 1024];
  buf[0] = (char)n;
  if (n >= 100000)
    return buf[0];
  return depth(n + 1) + buf[0];
}

int main(void) {
  printf("going deep with 64 KiB frames\n");
  printf("%d\n", depth(0));
  return 0;
}
