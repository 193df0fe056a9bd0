/* extern declarations, tentative definitions, prototypes */
#include <stdio.h>

extern int counter;
int counter;
int counter = 7;
int table[];
int table[3] = { 1, 2, 3 };
int add(int, int);

int main(void) {
    extern int later;
    printf("%d %d %d %d\n", counter, table[2], add(2, 3), later);
    return 0;
}

int later = 99;
int add(int a, int b) { return a + b; }
