/* rand after srand(1) follows the C library sequence */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int i;
    srand(1);
    for (i = 0; i < 10; i++) printf("%d\n", rand());
    srand(42);
    for (i = 0; i < 5; i++) printf("%d\n", rand() % 100);
    srand(1);
    printf("%d\n", rand());
    printf("%d\n", RAND_MAX);
    return 0;
}
