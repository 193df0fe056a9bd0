/* malloc, writing, reading and freeing blocks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int n = 1000, i;
    long sum = 0;
    int *a = malloc(n * sizeof *a);
    if (!a) return 1;
    for (i = 0; i < n; i++) a[i] = i;
    for (i = 0; i < n; i++) sum += a[i];
    free(a);
    printf("%ld\n", sum);
    char **strs = malloc(3 * sizeof *strs);
    for (i = 0; i < 3; i++) {
        strs[i] = malloc(8);
        sprintf(strs[i], "s%d", i * 11);
    }
    for (i = 0; i < 3; i++) { printf("%s ", strs[i]); free(strs[i]); }
    free(strs);
    printf("\n");
    free(NULL);
    return 0;
}
