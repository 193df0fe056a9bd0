/* reading numbers until EOF with scanf's return value */
#include <stdio.h>

int main(void) {
    int x, n = 0;
    long sum = 0;
    while (scanf("%d", &x) == 1) { sum += x; n++; }
    printf("%d numbers, sum %ld\n", n, sum);
    return 0;
}
