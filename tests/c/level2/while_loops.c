/* while loops with break and continue */
#include <stdio.h>

int main(void) {
    int n = 27, steps = 0;
    while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; steps++; }
    printf("%d\n", steps);
    int i = 0, s = 0;
    while (1) {
        i++;
        if (i % 2) continue;
        if (i > 20) break;
        s += i;
    }
    printf("%d %d\n", i, s);
    return 0;
}
