/* Between FLASH and RAM nothing is mapped: a load there is a segmentation fault. */
#include <stdio.h>

int main(void) {
    volatile int *p = (int *)0x10000000;
    printf("reading 0x10000000\n");
    return *p;
}
