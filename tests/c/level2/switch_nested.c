/* a switch nested inside another switch */
#include <stdio.h>

static int f(int a, int b) {
    switch (a) {
    case 0:
        switch (b) {
        case 0: return 0;
        case 1: break;
        default: return 2;
        }
        return 1;
    case 1:
        switch (b) {
        case 0: a = 10;
        case 1: a += 20; break;
        }
        return a;
    default:
        return -1;
    }
}

int main(void) {
    int a, b;
    for (a = 0; a < 3; a++)
        for (b = 0; b < 3; b++) printf("%d,%d -> %d\n", a, b, f(a, b));
    return 0;
}
