/* default label placed between case labels */
#include <stdio.h>

static const char *f(int x) {
    switch (x) {
    case 1: return "one";
    default: return "other";
    case 2: return "two";
    case 3: return "three";
    }
}

static int g(int x) {
    int r = 0;
    switch (x) {
    case 0: r = 1;
    default: r += 2;
    case 9: r += 3;
    }
    return r;
}

int main(void) {
    int i;
    for (i = 0; i < 5; i++) printf("%s %d\n", f(i), g(i));
    printf("%d\n", g(9));
    return 0;
}
