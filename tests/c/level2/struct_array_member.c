/* struct with array members */
#include <stdio.h>
#include <string.h>

struct Buf { int len; char data[10]; int nums[3][2]; };

int main(void) {
    struct Buf b;
    int i, j;
    memset(&b, 0, sizeof b);
    strcpy(b.data, "hello");
    b.len = (int)strlen(b.data);
    for (i = 0; i < 3; i++)
        for (j = 0; j < 2; j++) b.nums[i][j] = i * 10 + j;
    struct Buf c = b;
    c.data[0] = 'J';
    printf("%d %s %s\n", b.len, b.data, c.data);
    printf("%d %d %zu\n", c.nums[2][1], c.nums[1][0], sizeof b.nums);
    return 0;
}
