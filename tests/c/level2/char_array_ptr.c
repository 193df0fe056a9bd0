/* arrays of strings vs 2-D char arrays */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *ptrs[] = { "one", "three", "five" };
    char grid[][6] = { "one", "three", "five" };
    int i;
    printf("%zu %zu\n", sizeof ptrs, sizeof grid);
    for (i = 0; i < 3; i++) printf("%s/%s ", ptrs[i], grid[i]);
    printf("\n");
    grid[1][0] = 'T';
    printf("%s %c\n", grid[1], ptrs[2][1]);
    char *dyn[3];
    char storage[3][8];
    for (i = 0; i < 3; i++) { dyn[i] = storage[i]; strcpy(dyn[i], ptrs[2 - i]); }
    printf("%s %s %s\n", dyn[0], dyn[1], dyn[2]);
    return 0;
}
