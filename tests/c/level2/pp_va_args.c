/* variadic macros with __VA_ARGS__ */
#include <stdio.h>

#define LOG(fmt, ...) printf("log: " fmt "\n", __VA_ARGS__)
#define CALL(f, ...) f(__VA_ARGS__)
#define COUNT(...) COUNT_(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define COUNT_(a, b, c, d, e, n, ...) n
#define STRS(...) #__VA_ARGS__
#define FIRST(x, ...) (x)

static int add3(int a, int b, int c) { return a + b + c; }

int main(void) {
    LOG("%d %s", 1, "two");
    LOG("%s", "only");
    printf("%d\n", CALL(add3, 1, 2, 3));
    printf("%d %d %d\n", COUNT(a), COUNT(a, b, c), COUNT(1, 2, 3, 4, 5));
    printf("%s\n", STRS(a, b,   c));
    printf("%d\n", FIRST(7, 8, 9));
    return 0;
}
