/* String handling: sentences built from a generated dictionary with strlen and memcpy,
   reversed by a hand-written loop, compared with strcmp against the previous one,
   searched with strstr, and hashed byte by byte. */
#include <stdio.h>
#include <string.h>

#define WORDS 64
#define PER_SENTENCE 12
#define ROUNDS 80000

static unsigned int seed = 12345u;

static unsigned int next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
}

static char dict[WORDS][12];
static char sentence[PER_SENTENCE * 12 + 1];
static char reversed[PER_SENTENCE * 12 + 1];
static char previous[PER_SENTENCE * 12 + 1];

int main(void) {
    unsigned int h = 0u;
    int w, r, less = 0, greater = 0, equal = 0;

    for (w = 0; w < WORDS; w++) {
        int len = 3 + (int)(next() % 8u), i;
        for (i = 0; i < len; i++)
            dict[w][i] = (char)('a' + next() % 6u);
        dict[w][len] = '\0';
    }
    previous[0] = '\0';

    for (r = 0; r < ROUNDS; r++) {
        size_t len = 0, n, i;
        unsigned int fnv = 2166136261u, hits = 0u;
        const char *p;
        int c;

        /* Build: words separated by single spaces. */
        for (w = 0; w < PER_SENTENCE; w++) {
            const char *word = dict[next() % WORDS];
            if (w > 0)
                sentence[len++] = ' ';
            n = strlen(word);
            memcpy(sentence + len, word, n);
            len += n;
        }
        sentence[len] = '\0';

        /* Reverse into a second buffer. */
        n = strlen(sentence);
        for (i = 0; i < n; i++)
            reversed[i] = sentence[n - 1 - i];
        reversed[n] = '\0';

        /* Compare with the previous round's reversed sentence. */
        c = strcmp(reversed, previous);
        if (c < 0)
            less++;
        else if (c > 0)
            greater++;
        else
            equal++;
        strcpy(previous, reversed);

        /* Count (overlapping) occurrences of a pattern. */
        for (p = strstr(sentence, "ab"); p != NULL; p = strstr(p + 1, "ab"))
            hits++;

        /* Hash the reversed sentence. */
        for (i = 0; reversed[i] != '\0'; i++)
            fnv = (fnv ^ (unsigned char)reversed[i]) * 16777619u;

        h = h * 31u + fnv + hits * 7u + (unsigned int)n;
    }
    printf("%u %d %d %d\n", h, less, greater, equal);
    return 0;
}
