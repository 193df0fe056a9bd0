/* C99 static inline functions */
#include <stdio.h>

static inline int max(int a, int b) { return a > b ? a : b; }
static inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

int main(void) {
    printf("%d %d\n", max(3, 9), max(-1, -5));
    printf("%.2f\n", lerp(10, 20, 0.25));
    int (*fp)(int, int) = max;
    printf("%d\n", fp(4, 2));
    return 0;
}
