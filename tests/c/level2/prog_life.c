/* program: Conway's game of life on a small torus */
#include <stdio.h>
#include <string.h>

#define W 20
#define H 10

static void step(char g[H][W]) {
    char n[H][W];
    int y, x, dy, dx;
    for (y = 0; y < H; y++)
        for (x = 0; x < W; x++) {
            int c = 0;
            for (dy = -1; dy <= 1; dy++)
                for (dx = -1; dx <= 1; dx++)
                    if (dy || dx) c += g[(y + dy + H) % H][(x + dx + W) % W];
            n[y][x] = g[y][x] ? (c == 2 || c == 3) : (c == 3);
        }
    memcpy(g, n, sizeof n);
}

static void show(char g[H][W]) {
    int y, x;
    for (y = 0; y < H; y++) {
        for (x = 0; x < W; x++) putchar(g[y][x] ? '#' : '.');
        putchar('\n');
    }
}

static int population(char g[H][W]) {
    int y, x, p = 0;
    for (y = 0; y < H; y++)
        for (x = 0; x < W; x++) p += g[y][x];
    return p;
}

static unsigned long signature(char g[H][W]) {
    unsigned long h = 1469598103UL;
    int y, x;
    for (y = 0; y < H; y++)
        for (x = 0; x < W; x++) h = (h ^ (unsigned long)(g[y][x] + 1 + x * 3 + y * 7)) * 16777619UL;
    return h;
}

static int find_period(char g[H][W], int max) {
    unsigned long seen[128];
    int i, j;
    for (i = 0; i < max && i < 128; i++) {
        seen[i] = signature(g);
        for (j = 0; j < i; j++)
            if (seen[j] == seen[i]) return i - j;
        step(g);
    }
    return -1;
}

int main(void) {
    char g[H][W];
    int gen;
    memset(g, 0, sizeof g);
    g[0][1] = g[1][2] = g[2][0] = g[2][1] = g[2][2] = 1;
    g[5][10] = g[5][11] = g[5][12] = 1;
    g[7][16] = g[7][17] = g[8][16] = g[8][17] = 1;
    show(g);
    for (gen = 1; gen <= 30; gen++) {
        step(g);
        if (gen % 10 == 0) { printf("gen %d pop %d\n", gen, population(g)); show(g); }
    }
    memset(g, 0, sizeof g);
    g[4][4] = g[4][5] = g[4][6] = 1;
    printf("blinker period %d\n", find_period(g, 10));
    memset(g, 0, sizeof g);
    g[1][1] = g[1][2] = g[2][1] = g[2][2] = 1;
    printf("block period %d\n", find_period(g, 10));
    memset(g, 0, sizeof g);
    g[0][1] = g[1][2] = g[2][0] = g[2][1] = g[2][2] = 1;
    printf("glider on torus period %d\n", find_period(g, 120));
    return 0;
}
