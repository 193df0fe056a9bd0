/* kind: global-buffer-overflow */
/* bug: the value 10 increments histogram[10], one past a 10-int global (line 12) */
#include <stdio.h>

int histogram[10];
int total;

int main(void) {
  int values[5] = {1, 5, 9, 10, 3};
  printf("counting\n");
  for (int i = 0; i < 5; i++)
    histogram[values[i]]++;
  printf("histogram[9] = %d\n", histogram[9]);
  return 0;
}
