/* memmove handles overlapping regions */
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[] = "0123456789";
    char b[] = "0123456789";
    memmove(a + 2, a, 5);
    memmove(b, b + 3, 6);
    printf("%s\n%s\n", a, b);
    int n[6] = { 1, 2, 3, 4, 5, 6 };
    memmove(n + 1, n, 5 * sizeof n[0]);
    int i;
    for (i = 0; i < 6; i++) printf("%d", n[i]);
    printf("\n");
    return 0;
}
