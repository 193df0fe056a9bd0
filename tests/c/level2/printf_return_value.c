/* printf returns the number of characters written */
#include <stdio.h>

int main(void) {
    int n = printf("hello\n");
    int m = printf("%d %s %5.2f\n", -123, "ab", 1.0);
    int e = printf("%s", "");
    printf("%d %d %d\n", n, m, e);
    return 0;
}
