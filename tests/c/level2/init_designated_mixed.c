/* mixed and nested designators */
#include <stdio.h>

struct P { int x, y; };
struct Poly { int n; struct P pts[4]; };

int main(void) {
    struct Poly p = { .n = 3, .pts[1].y = 5, .pts[2] = { 7, 8 }, .pts[0].x = -1 };
    struct P arr[3] = { [1].x = 1, [2] = { .y = 9 }, [0] = { 4, 4 } };
    int grid[3][3] = { [1][1] = 5, [2] = { [2] = 9 }, [0][2] = 3 };
    int i, j;
    printf("%d:", p.n);
    for (i = 0; i < 4; i++) printf(" (%d,%d)", p.pts[i].x, p.pts[i].y);
    printf("\n");
    for (i = 0; i < 3; i++) printf("(%d,%d) ", arr[i].x, arr[i].y);
    printf("\n");
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++) printf("%d%c", grid[i][j], j == 2 ? '\n' : ' ');
    return 0;
}
