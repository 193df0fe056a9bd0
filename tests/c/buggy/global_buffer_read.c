/* kind: global-buffer-overflow */
/* bug: the loop runs to i <= 3 and reads weights[3], one past a 3-int global (line 13) */
#include <stdio.h>

static const char *const names[3] = {"red", "green", "blue"};
int weights[3] = {1, 2, 3};

int main(void) {
  int sum = 0;
  for (int i = 0; i < 3; i++)
    printf("%s\n", names[i]);
  for (int i = 1; i <= 3; i++)
    sum += weights[i];
  printf("sum = %d\n", sum);
  return 0;
}
