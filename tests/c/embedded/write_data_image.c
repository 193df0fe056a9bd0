/* The initial values of .data are kept in FLASH at __data_load (a name the linker
   defines): the first word there is the initial value of the first initialized global.
   It can be read; a write to it faults, as all of FLASH is read-only. */
#include <stdio.h>

unsigned int first = 0xC0FFEE;
extern unsigned int __data_load[], __data_start[];

int main(void) {
    first = 7;
    printf("first = %u, its initial value in FLASH = %#x\n", first, __data_load[0]);
    printf("__data_start is &first: %d\n", __data_start == &first);
    __data_load[0] = 0;
    printf("not reached\n");
    return 0;
}
