/* do-while executes the body at least once */
#include <stdio.h>

int main(void) {
    int i = 10, n = 0;
    do { n++; } while (i < 5);
    printf("%d\n", n);
    unsigned v = 12345;
    do { printf("%u", v % 10); v /= 10; } while (v);
    printf("\n");
    i = 0;
    do {
        if (i == 2) { i++; continue; }
        if (i == 5) break;
        printf("%d ", i);
        i++;
    } while (1);
    printf("\n");
    return 0;
}
