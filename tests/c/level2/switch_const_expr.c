/* case labels with constant expressions */
#include <stdio.h>

#define BASE 10
enum { K = 3 };

static int f(long x) {
    switch (x) {
    case BASE * 2 + 1: return 1;
    case (1 << 4) | 1: return 2;
    case K * K: return 3;
    case 'A' - 'a' + 100: return 4;
    case sizeof(int) * 100: return 5;
    case -BASE: return 6;
    case 0x7fffffffL + 1: return 7;
    case (5 > 3) ? 50 : 60: return 8;
    }
    return 0;
}

int main(void) {
    long xs[] = { 21, 17, 9, 68, 400, -10, 2147483648L, 50, 60 };
    int i;
    for (i = 0; i < 9; i++) printf("%d ", f(xs[i]));
    printf("\n");
    return 0;
}
