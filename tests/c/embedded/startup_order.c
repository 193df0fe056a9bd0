/* What the startup code leaves for main: .data holds its initial values (copied from
   FLASH), .bss is zero, statics too, pointers in .data point where they should. */
#include <stdio.h>

int answer = 42;
char greeting[] = "hi";
const char *message = "in rodata";
int *where = &answer;
long zeros[3];
static short bits = -2;

int next(void) {
    static int calls = 100;
    return ++calls;
}

int main(void) {
    printf("%d %s %s %d %ld %ld %d\n", answer, greeting, message, *where, zeros[0],
           zeros[2], bits);
    printf("%d %d\n", next(), next());
    return 0;
}
