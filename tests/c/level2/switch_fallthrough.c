/* case labels without break fall through */
#include <stdio.h>

static int f(int x) {
    int r = 0;
    switch (x) {
    case 1: r += 1;
    case 2: r += 10;
    case 3: r += 100; break;
    case 4: r += 1000;
    default: r += 5;
    }
    return r;
}

int main(void) {
    int i;
    for (i = 0; i <= 5; i++) printf("%d: %d\n", i, f(i));
    return 0;
}
