/* alignment of structs inside structs and arrays */
#include <stdio.h>
#include <stddef.h>

struct In { char c; double d; };
struct Out { char x; struct In in; char y; };
struct Arr { char c; struct In a[2]; };
struct Ptr { char c; void *p; };
struct Sh { char c; short s[3]; };

int main(void) {
    struct Out o;
    struct Arr arr[3];
    printf("In %zu Out %zu\n", sizeof(struct In), sizeof(struct Out));
    printf("off in %zu y %zu\n", offsetof(struct Out, in), offsetof(struct Out, y));
    printf("Arr %zu a %zu\n", sizeof(struct Arr), offsetof(struct Arr, a));
    printf("arr total %zu\n", sizeof arr);
    printf("Ptr %zu p %zu\n", sizeof(struct Ptr), offsetof(struct Ptr, p));
    printf("Sh %zu s %zu\n", sizeof(struct Sh), offsetof(struct Sh, s));
    printf("diff %d\n", (int)((char *)&o.y - (char *)&o));
    printf("elem diff %d\n", (int)((char *)&arr[2] - (char *)&arr[0]));
    return 0;
}
