/* printf flags - + space 0 # on integer conversions (allow-warning: -Wformat=) */
#include <stdio.h>

int main(void) {
    int v[] = { 0, 7, -7, 12345, -12345 };
    int i;
    for (i = 0; i < 5; i++) {
        printf("[%d] [%-6d] [%+d] [% d] [%06d] [%-+6d] [%+06d] [% 06d]\n", v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
    }
    printf("[%#o] [%#x] [%#X] [%#o] [%#x]\n", 8, 255, 255, 0, 0);
    printf("[%-#8x] [%#08x] [%0-8d]\n", 255, 255, 5);
    printf("[% +d] [%+ d]\n", 5, 5);
    return 0;
}
