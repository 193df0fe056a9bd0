/* An uninitialized value decides a branch (line 8), and a block is never freed (line 7). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int flag;
    int *numbers = malloc(6 * sizeof(int));
    if (flag)
        printf("flag was set\n");
    numbers[0] = 1;
    printf("done\n");
    return 0;
}
