/* Fault: one frame larger than the whole stack (line 5): a 64 MiB local array in a
   16 MiB address space. The report gives the frame's size and what was left. */
#include <stdio.h>

static int sum_samples(int n) {
  int samples[16 * 1024 * 1024];
  int sum = 0;
  for (int i = 0; i < n; i++) {
    samples[i] = i;
    sum += samples[i];
  }
  return sum;
}

int main(void) {
  printf("before the fault\n");
  printf("not reached: %d\n", sum_samples(10));
  return 0;
}
