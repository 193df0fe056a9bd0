/* struct padding and member offsets as laid out by gcc on x86-64 */
#include <stdio.h>
#include <stddef.h>

struct A { char c; int i; };
struct B { char c; double d; char e; };
struct C { char a; char b; short s; int i; };
struct D { short s; char c; };
struct E { char c; long l; short s; };
struct F { int i; char c; };
struct G { char c[3]; };
struct H { char c; long long ll; };

int main(void) {
    printf("A %zu %zu %zu\n", sizeof(struct A), offsetof(struct A, c), offsetof(struct A, i));
    printf("B %zu %zu %zu %zu\n", sizeof(struct B), offsetof(struct B, c), offsetof(struct B, d), offsetof(struct B, e));
    printf("C %zu %zu %zu %zu\n", sizeof(struct C), offsetof(struct C, b), offsetof(struct C, s), offsetof(struct C, i));
    printf("D %zu %zu\n", sizeof(struct D), offsetof(struct D, c));
    printf("E %zu %zu %zu\n", sizeof(struct E), offsetof(struct E, l), offsetof(struct E, s));
    printf("F %zu\n", sizeof(struct F));
    printf("G %zu\n", sizeof(struct G));
    printf("H %zu %zu\n", sizeof(struct H), offsetof(struct H, ll));
    return 0;
}
