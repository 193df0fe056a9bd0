/* puts appends a newline; putchar returns its argument */
#include <stdio.h>

int main(void) {
    int r;
    puts("line one");
    puts("");
    r = putchar('A');
    putchar('\n');
    printf("%d\n", r);
    r = puts("x");
    printf("%d\n", r >= 0);
    const char *s = "chars";
    while (*s) putchar(*s++);
    putchar(10);
    fputs("fputs no newline", stdout);
    putchar('\n');
    fprintf(stdout, "%s\n", "fprintf");
    return 0;
}
