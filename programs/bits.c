/*
 * bits.c - bit manipulation: masks, shifts and unsigned wraparound.
 *
 * What it shows:
 *   - setting, clearing, toggling and testing one bit with | & ^ ~;
 *   - shifting: x << n multiplies an unsigned number by 2^n, x >> n divides;
 *   - masks that cut a number into fields: an address splits into a 4 KiB
 *     page number and an offset inside the page (segvm's null guard is
 *     exactly page 0);
 *   - permission flags like the ones each segment has (text is read and
 *     execute, rodata read only, data/bss/heap/stack read and write);
 *   - unsigned arithmetic wraps around: 0u - 1 is the biggest unsigned
 *     int, and an unsigned char holding 255 becomes 0 after adding 1.
 * Only unsigned types are shifted here: shifting negative signed numbers
 * is not fully defined by C.
 *
 * Try:  segvm run bits.c
 */
#include <stdio.h>

enum permission {                  /* each flag is one bit */
    PERM_READ = 1 << 0,
    PERM_WRITE = 1 << 1,
    PERM_EXEC = 1 << 2
};

/* Print the lowest 'width' bits of x, most significant first. */
static void print_binary(unsigned int x, int width)
{
    int i;
    for (i = width - 1; i >= 0; i--) {
        putchar(((x >> i) & 1u) ? '1' : '0');
        if (i % 4 == 0 && i != 0)
            putchar('_');           /* a separator every 4 bits */
    }
}

static void show(const char *label, unsigned int x)
{
    printf("%-16s", label);
    print_binary(x, 8);
    printf("  = %3u = 0x%02X\n", x, x);
}

static void show_permissions(const char *segment, unsigned int perm)
{
    printf("%-7s %c%c%c%s\n", segment,
           (perm & PERM_READ) ? 'r' : '-',
           (perm & PERM_WRITE) ? 'w' : '-',
           (perm & PERM_EXEC) ? 'x' : '-',
           (perm & PERM_WRITE) ? "" : "   (a write here faults)");
}

/* Count the 1 bits: x & (x - 1) clears the lowest 1 bit. */
static int count_ones(unsigned int x)
{
    int n = 0;
    while (x != 0) {
        x &= x - 1;
        n++;
    }
    return n;
}

int main(void)
{
    unsigned int x = 0x5Au;         /* 0101_1010 */
    unsigned int address = 0x00ABC123u;
    unsigned int biggest = 0u - 1u; /* wraps around to the largest value */
    unsigned char small = 255;
    unsigned int samples[6] = {1, 2, 6, 16, 24, 64};
    unsigned int n;
    int i;

    show("x", x);
    show("set bit 0", x | (1u << 0));
    show("clear bit 1", x & ~(1u << 1));
    show("toggle bit 7", x ^ (1u << 7));
    printf("bit 3 of x is %u, bit 2 is %u\n", (x >> 3) & 1u, (x >> 2) & 1u);
    show("x << 2", (x << 2) & 0xFFu);   /* keep only the low 8 bits */
    show("x >> 3", x >> 3);
    printf("x has %d bits set\n", count_ones(x));

    printf("address 0x%08X: page 0x%X, offset 0x%03X\n", address,
           address >> 12, address & 0xFFFu);
    printf("address 0x%08X is in page 0 (the null guard): %s\n", 0x10u,
           (0x10u >> 12) == 0 ? "yes" : "no");

    /* A power of two has exactly one 1 bit, so n & (n - 1) clears it to 0. */
    for (i = 0; i < 6; i++) {
        n = samples[i];
        printf("%2u is a power of two: %s\n", n, (n & (n - 1)) == 0 ? "yes" : "no");
    }

    show_permissions("text", PERM_READ | PERM_EXEC);
    show_permissions("rodata", PERM_READ);
    show_permissions("data", PERM_READ | PERM_WRITE);
    show_permissions("stack", PERM_READ | PERM_WRITE);

    printf("0u - 1u = %u = 0x%X = %o (octal)\n", biggest, biggest, biggest);
    printf("biggest + 1 = %u\n", biggest + 1u);
    printf("~0u == biggest: %s\n", ~0u == biggest ? "yes" : "no");
    small = (unsigned char)(small + 1);
    printf("unsigned char 255 + 1 = %u\n", (unsigned int)small);
    printf("%%#x of 255 is %#x, %%#o of 8 is %#o\n", 255u, 8u);
    return 0;
}
