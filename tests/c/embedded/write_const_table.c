/* A const table stays in FLASH: reading it works, writing it (through a cast that
   drops const) is a fault naming rodata (FLASH). */
#include <stdio.h>

static const int gains[4] = {1, 2, 4, 8};

int main(void) {
    int *p = (int *)gains;
    printf("gains[2] = %d\n", gains[2]);
    printf("writing into FLASH\n");
    p[2] = 3;
    printf("not reached\n");
    return 0;
}
