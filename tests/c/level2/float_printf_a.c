/* printf %a hexadecimal floating output */
#include <stdio.h>

int main(void) {
    printf("%a\n", 1.0);
    printf("%a\n", 0.5);
    printf("%a\n", -3.75);
    printf("%a\n", 0.1);
    printf("%A\n", 255.0);
    printf("%.2a\n", 1.0 / 3);
    printf("%a\n", 0.0);
    printf("%a\n", 0x1.8p10);
    return 0;
}
