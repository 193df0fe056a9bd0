/* union size is the size of its largest member, rounded to alignment */
#include <stdio.h>

union U1 { char c; int i; };
union U2 { char c[5]; int i; };
union U3 { char c; double d; };
union U4 { short s[3]; char c; };

int main(void) {
    union U1 u;
    printf("%zu %zu %zu %zu\n", sizeof(union U1), sizeof(union U2), sizeof(union U3), sizeof(union U4));
    printf("%d\n", (int)((char *)&u.c - (char *)&u.i));
    return 0;
}
