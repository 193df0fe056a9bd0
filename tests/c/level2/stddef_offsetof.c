/* stddef.h: offsetof, size_t, ptrdiff_t, NULL */
#include <stdio.h>
#include <stddef.h>

struct S { char a; int b; char c[5]; double d; struct { short x; long y; } in; };

int main(void) {
    size_t sz = sizeof(struct S);
    int arr[10];
    ptrdiff_t diff = &arr[7] - &arr[2];
    printf("%zu %zu %zu %zu %zu\n", offsetof(struct S, a), offsetof(struct S, b), offsetof(struct S, c),
           offsetof(struct S, d), offsetof(struct S, in));
    printf("%zu %zu\n", offsetof(struct S, in.y), offsetof(struct S, c[3]));
    printf("%zu %td\n", sz, diff);
    printf("%d\n", NULL == (void *)0);
    size_t big = (size_t)-1;
    printf("%zu\n", big);
    return 0;
}
