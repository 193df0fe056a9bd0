/* object-like macros, including ones that expand to other macros */
#include <stdio.h>

#define N 10
#define TWO_N (N * 2)
#define GREETING "hello"
#define EMPTY
#define NEG -N

int main(void) {
    int a[TWO_N];
    printf("%d %zu %s\n", N, sizeof a / sizeof a[0], GREETING);
    printf("%d EMPTY\n", 1 EMPTY + EMPTY 2);
    printf("%d\n", -NEG);
    return 0;
}
