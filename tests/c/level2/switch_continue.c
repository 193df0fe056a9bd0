/* continue inside a switch continues the enclosing loop */
#include <stdio.h>

int main(void) {
    int i, sum = 0;
    for (i = 0; i < 10; i++) {
        switch (i % 3) {
        case 0: continue;
        case 1: sum += i; break;
        default: sum += 100;
        }
        sum += 1000;
    }
    printf("%d\n", sum);
    i = 0;
    while (i < 5) {
        switch (i++) { case 2: continue; }
        printf("%d ", i);
    }
    printf("\n");
    return 0;
}
