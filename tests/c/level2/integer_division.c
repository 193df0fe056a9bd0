/* integer division truncates toward zero; sign of remainder follows dividend */
#include <stdio.h>

int main(void) {
    int a[] = { 7, -7, 7, -7, 0, 1 };
    int b[] = { 2, 2, -2, -2, 5, 3 };
    int i;
    for (i = 0; i < 6; i++) printf("%d/%d=%d %d%%%d=%d\n", a[i], b[i], a[i] / b[i], a[i], b[i], a[i] % b[i]);
    unsigned u = 7;
    printf("%u %u\n", u / 2, u % 2);
    printf("%ld\n", -17L / 5);
    return 0;
}
