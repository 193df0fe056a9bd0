/* printf %% and mixed literal text */
#include <stdio.h>

int main(void) {
    printf("100%%\n");
    printf("%d%% of %d%%\n", 50, 100);
    printf("%%d %%%d\n", 3);
    printf("%5.1f%%\n", 99.5);
    return 0;
}
