/* Array indexing: the sieve of Eratosthenes, repeated. */
#include <stdio.h>

#define N 1000000
static char composite[N + 1];

int main(void) {
    int round, count = 0;
    for (round = 0; round < 30; round++) {
        int i, j;
        count = 0;
        for (i = 0; i <= N; i++)
            composite[i] = 0;
        for (i = 2; i <= N; i++) {
            if (!composite[i]) {
                count++;
                for (j = i + i; j <= N; j += i)
                    composite[j] = 1;
            }
        }
    }
    printf("%d\n", count);
    return 0;
}
