/* switch on char values, counting character classes */
#include <stdio.h>

int main(void) {
    const char *s = "Hello, World! 123 (x+y)*z;";
    int vowels = 0, digits = 0, punct = 0, other = 0;
    const char *p;
    for (p = s; *p; p++) {
        switch (*p) {
        case 'a': case 'e': case 'i': case 'o': case 'u':
        case 'A': case 'E': case 'I': case 'O': case 'U':
            vowels++; break;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            digits++; break;
        case ',': case '!': case '(': case ')': case ';': case '+': case '*':
            punct++; break;
        default:
            other++;
        }
    }
    printf("%d %d %d %d\n", vowels, digits, punct, other);
    char c = -5;
    switch (c) { case -5: printf("neg\n"); break; default: printf("?\n"); }
    return 0;
}
