/* implicit and explicit enumerator values */
#include <stdio.h>

enum Color { RED, GREEN, BLUE };
enum Mixed { A = 5, B, C = 10, D, E = B + C, F };
enum { X = 'x', Y };

int main(void) {
    enum Color c = BLUE;
    printf("%d %d %d\n", RED, GREEN, BLUE);
    printf("%d %d %d %d %d %d\n", A, B, C, D, E, F);
    printf("%d %c\n", X, Y);
    printf("%d %zu\n", c, sizeof(enum Color));
    c = (enum Color)(c - 1);
    printf("%d\n", c == GREEN);
    return 0;
}
