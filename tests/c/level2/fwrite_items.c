/* fwrite writes size * nmemb bytes, embedded zeros too, and returns the items written */
#include <stdio.h>

struct pair {
    char a[3];
    char b[3];
};

int main(void) {
    const char text[] = "abc\0def";
    size_t n = fwrite(text, 1, sizeof text - 1, stdout);
    printf("\n%zu\n", n);
    struct pair p[2] = {{"xy", "zw"}, {"12", "34"}};
    n = fwrite(p, sizeof p[0], 2, stdout);
    printf("\n%zu\n", n);
    printf("%zu\n", fwrite(text, 0, 5, stdout));
    fwrite("to stderr\n", 1, 10, stderr);
    return 0;
}
