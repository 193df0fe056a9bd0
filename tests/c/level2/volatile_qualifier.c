/* volatile objects are read and written normally */
#include <stdio.h>

int main(void) {
    volatile int v = 0;
    int i;
    for (i = 0; i < 10; i++) v += i;
    volatile double d = 1.5;
    d *= v;
    printf("%d %.1f\n", v, d);
    return 0;
}
