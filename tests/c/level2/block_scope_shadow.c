/* inner declarations shadow outer ones until the block ends */
#include <stdio.h>

int x = 1;

int main(void) {
    printf("%d\n", x);
    int x = 2;
    printf("%d\n", x);
    {
        int x = 3;
        printf("%d\n", x);
        {
            x = 4;
            double x = 5.5;
            printf("%.1f\n", x);
        }
        printf("%d\n", x);
    }
    printf("%d\n", x);
    return 0;
}
