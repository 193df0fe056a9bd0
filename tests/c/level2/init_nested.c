/* nested braces for arrays of structs and 2-D arrays */
#include <stdio.h>

struct P { int x, y; };
struct L { struct P a, b; int w; };

int main(void) {
    int m[3][4] = { { 1, 2, 3, 4 }, { 5, 6 }, { 9 } };
    struct L lines[2] = { { { 0, 0 }, { 3, 4 }, 1 }, { { 1, 1 }, { 2, 2 } } };
    int i, j;
    for (i = 0; i < 3; i++) {
        for (j = 0; j < 4; j++) printf("%d ", m[i][j]);
        printf("\n");
    }
    for (i = 0; i < 2; i++)
        printf("%d %d %d %d %d\n", lines[i].a.x, lines[i].a.y, lines[i].b.x, lines[i].b.y, lines[i].w);
    return 0;
}
