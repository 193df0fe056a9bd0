/* --check in the embedded layout: the startup code writes all of .data and .bss (red
   zones too) without a finding; once main runs, a write past a global array is a
   global buffer overflow. */
#include <stdio.h>

int table[4] = {1, 2, 3, 4};
int counts[8];

int main(void) {
    int i;
    for (i = 0; i < 4; i++)
        counts[i] = table[i] * 2;
    printf("counts[3] = %d\n", counts[3]);
    for (i = 0; i <= 4; i++)
        table[i] = 0;
    printf("not reached\n");
    return 0;
}
