/* typedef of array types */
#include <stdio.h>

typedef int Vec3[3];
typedef Vec3 Mat3[3];
typedef char Name[8];

static int trace(Mat3 m) { return m[0][0] + m[1][1] + m[2][2]; }

int main(void) {
    Vec3 v = { 1, 2, 3 };
    Mat3 m = { { 1, 0, 0 }, { 0, 5, 0 }, { 0, 0, 9 } };
    Name n = "bob";
    printf("%zu %zu %zu\n", sizeof(Vec3), sizeof(Mat3), sizeof n);
    printf("%d %d %s\n", v[2], trace(m), n);
    return 0;
}
