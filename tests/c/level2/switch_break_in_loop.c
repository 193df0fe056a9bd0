/* break inside a loop inside a switch leaves only the loop */
#include <stdio.h>

int main(void) {
    int k, i, count = 0;
    for (k = 0; k < 3; k++) {
        switch (k) {
        case 1:
            for (i = 0; i < 100; i++) {
                if (i == 4) break;
                count++;
            }
            printf("after loop i=%d\n", i);
            /* fall through */
        case 2:
            count += 100;
            break;
        default:
            count += 1000;
        }
    }
    printf("%d\n", count);
    return 0;
}
