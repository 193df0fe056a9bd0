/* program: Huffman code lengths for the character frequencies of a text */
#include <stdio.h>
#include <string.h>

#define MAXN 512

struct HNode { long freq; int left, right; int sym; };

static struct HNode nodes[MAXN];
static int nn;
static int lengths[256];

static void walk(int n, int depth) {
    if (nodes[n].sym >= 0) { lengths[nodes[n].sym] = depth ? depth : 1; return; }
    walk(nodes[n].left, depth + 1);
    walk(nodes[n].right, depth + 1);
}

static int pick_min(int *alive, int na) {
    int i, best = 0;
    for (i = 1; i < na; i++) {
        struct HNode *a = &nodes[alive[i]], *b = &nodes[alive[best]];
        if (a->freq < b->freq || (a->freq == b->freq && alive[i] < alive[best])) best = i;
    }
    int r = alive[best];
    alive[best] = alive[na - 1];
    return r;
}

int main(void) {
    const char *text = "this is an example of a huffman tree built from a short sample text";
    long freq[256] = { 0 };
    int alive[MAXN], na = 0, i;
    const char *p;
    for (p = text; *p; p++) freq[(unsigned char)*p]++;
    for (i = 0; i < 256; i++)
        if (freq[i]) {
            nodes[nn].freq = freq[i]; nodes[nn].sym = i; nodes[nn].left = nodes[nn].right = -1;
            alive[na++] = nn++;
        }
    while (na > 1) {
        int a = pick_min(alive, na--);
        int b = pick_min(alive, na--);
        nodes[nn].freq = nodes[a].freq + nodes[b].freq;
        nodes[nn].sym = -1;
        nodes[nn].left = a;
        nodes[nn].right = b;
        alive[na++] = nn++;
    }
    walk(alive[0], 0);
    long bits = 0;
    double kraft = 0;
    for (i = 0; i < 256; i++)
        if (freq[i]) {
            printf("'%c' %2ld %d\n", i, freq[i], lengths[i]);
            bits += freq[i] * lengths[i];
            kraft += 1.0 / (1 << lengths[i]);
        }
    printf("total bits %ld vs %zu fixed, kraft %.6f\n", bits, strlen(text) * 8, kraft);
    return 0;
}
