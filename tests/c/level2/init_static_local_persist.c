/* static locals keep their values between calls */
#include <stdio.h>

static int counter(void) {
    static int n = 10;
    return n++;
}

static const char *name(int i) {
    static const char *tab[] = { "a", "b", "c" };
    return tab[i % 3];
}

int main(void) {
    int i;
    for (i = 0; i < 5; i++) printf("%d %s\n", counter(), name(i));
    return 0;
}
