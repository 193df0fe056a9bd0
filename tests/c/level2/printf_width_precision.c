/* printf width and precision on integer and string conversions (allow-warning: -Wformat=) */
#include <stdio.h>

int main(void) {
    printf("[%5d] [%-5d] [%.3d] [%8.3d] [%-8.3d] [%08.3d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%.0d] [%5.0d] [%.0x]\n", 0, 0, 0);
    printf("[%.2d] [%.5d]\n", -3, -3);
    printf("[%10s] [%-10s] [%.2s] [%10.2s] [%-10.3s]\n", "hello", "hello", "hello", "hello", "hello");
    printf("[%3s] [%.10s]\n", "toolong", "short");
    printf("[%5c] [%-5c]\n", 'x', 'y');
    printf("[%1d] [%2d]\n", 12345, -1);
    return 0;
}
