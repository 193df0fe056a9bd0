/* negative enumerator values */
#include <stdio.h>

enum Sign { NEG = -3, NEXT, ZERO = 0, POS };

int main(void) {
    enum Sign s = NEG;
    printf("%d %d %d %d\n", NEG, NEXT, ZERO, POS);
    printf("%d\n", s < ZERO);
    printf("%d\n", NEG * POS);
    return 0;
}
