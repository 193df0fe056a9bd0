/* C99 allows declarations after statements */
#include <stdio.h>

int main(void) {
    int a = 1;
    a *= 5;
    int b = a + 2;
    printf("%d\n", b);
    b++;
    const char *msg = b > 7 ? "big" : "small";
    printf("%s\n", msg);
    double d = b / 2.0;
    printf("%.1f\n", d);
    return 0;
}
