/* printf * width and precision, negative star width */
#include <stdio.h>

int main(void) {
    int w;
    for (w = 0; w < 8; w += 3) printf("[%*d] [%-*d] [%.*d]\n", w, 42, w, 42, w, 42);
    printf("[%*d]\n", -6, 7);
    printf("[%.*s]\n", 3, "abcdef");
    printf("[%*.*s]\n", 8, 2, "abcdef");
    printf("[%.*f]\n", -1, 2.5);
    printf("[%*s]\n", 4, "");
    return 0;
}
