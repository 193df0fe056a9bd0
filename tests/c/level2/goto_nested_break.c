/* goto out of nested loops */
#include <stdio.h>

int main(void) {
    int i, j, k;
    for (i = 0; i < 10; i++)
        for (j = 0; j < 10; j++)
            for (k = 0; k < 10; k++)
                if (i * 100 + j * 10 + k == 347) goto found;
    printf("not found\n");
    return 1;
found:
    printf("%d %d %d\n", i, j, k);
    return 0;
}
