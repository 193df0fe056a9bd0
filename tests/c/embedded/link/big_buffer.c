/* An 8 KiB buffer in .bss leaves no room for a stack in 8 KiB of RAM. */
unsigned char buffer[8192];

int main(void) {
    return buffer[0];
}
