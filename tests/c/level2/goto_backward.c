/* backward goto forming a loop */
#include <stdio.h>

int main(void) {
    int i = 0, sum = 0;
again:
    sum += i;
    i++;
    if (i <= 10) goto again;
    printf("%d %d\n", i, sum);
    return 0;
}
