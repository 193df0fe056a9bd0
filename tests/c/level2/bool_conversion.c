/* conversion of any nonzero scalar to _Bool gives 1 */
#include <stdio.h>

int main(void) {
    _Bool a = 5, b = 0, c = -1, d = 0.5, e = 256;
    int x = 0;
    int *px = &x;
    _Bool p = px;
    _Bool q = (void *)0;
    printf("%d %d %d %d %d %d %d\n", a, b, c, d, e, p, q);
    _Bool t = 1;
    t += 1;
    printf("%d\n", t);
    t = 0;
    t -= 1;
    printf("%d\n", t);
    printf("%zu\n", sizeof(_Bool));
    _Bool f = 0.0;
    printf("%d %d\n", f, a + a);
    return 0;
}
