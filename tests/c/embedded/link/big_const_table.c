/* 6000 bytes of constants do not fit a 4 KiB FLASH: the linker says by how much. */
static const unsigned char table[6000] = {1, 2, 3};

int main(void) {
    return table[1];
}
