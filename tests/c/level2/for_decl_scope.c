/* C99 declarations in for-init have loop scope */
#include <stdio.h>

int main(void) {
    int i = 100;
    int sum = 0;
    for (int i = 0; i < 5; i++) sum += i;
    printf("%d %d\n", sum, i);
    for (int i = 0, j = 10; i < j; i++, j--) sum += j - i;
    printf("%d\n", sum);
    for (int k = 0; k < 2; k++)
        for (int k2 = k; k2 < 3; k2++) printf("%d%d ", k, k2);
    printf("\n");
    return 0;
}
