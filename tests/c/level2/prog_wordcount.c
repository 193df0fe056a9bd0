/* program: word, line and character statistics over a fixed text */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const char text[] =
    "It was the best of times, it was the worst of times,\n"
    "it was the age of wisdom, it was the age of foolishness,\n"
    "it was the epoch of belief, it was the epoch of incredulity,\n"
    "it was the season of Light, it was the season of Darkness.\n";

struct WC { char w[16]; int n; };

static void length_histogram(const char *t) {
    int hist[16] = { 0 }, len = 0, i, line_len = 0, longest_line = 0;
    for (;; t++) {
        if (*t && *t != '\n') line_len++;
        else { if (line_len > longest_line) longest_line = line_len; line_len = 0; }
        if (isalpha((unsigned char)*t)) len++;
        else if (len) { hist[len < 15 ? len : 15]++; len = 0; }
        if (!*t) break;
    }
    for (i = 1; i < 16; i++) {
        if (!hist[i]) continue;
        printf("%2d | ", i);
        int k;
        for (k = 0; k < hist[i]; k++) putchar('*');
        printf(" %d\n", hist[i]);
    }
    printf("longest line %d\n", longest_line);
}

int main(void) {
    struct WC words[64];
    int nwords = 0, lines = 0, chars = 0, total = 0, longest = 0;
    int letters[26] = { 0 };
    const char *p = text;
    int i, j;
    while (*p) {
        if (*p == '\n') lines++;
        if (isalpha((unsigned char)*p)) {
            char buf[16];
            int len = 0;
            while (isalpha((unsigned char)*p)) {
                int c = tolower((unsigned char)*p);
                letters[c - 'a']++;
                if (len < 15) buf[len++] = (char)c;
                p++;
            }
            buf[len] = 0;
            if (len > longest) longest = len;
            total++;
            for (i = 0; i < nwords; i++)
                if (strcmp(words[i].w, buf) == 0) break;
            if (i == nwords) { strcpy(words[nwords].w, buf); words[nwords].n = 0; nwords++; }
            words[i].n++;
            continue;
        }
        p++;
    }
    chars = (int)(p - text);
    printf("lines=%d words=%d unique=%d chars=%d longest=%d\n", lines, total, nwords, chars, longest);
    for (i = 1; i < nwords; i++) {
        struct WC t = words[i];
        for (j = i - 1; j >= 0 && (words[j].n < t.n || (words[j].n == t.n && strcmp(words[j].w, t.w) > 0)); j--)
            words[j + 1] = words[j];
        words[j + 1] = t;
    }
    for (i = 0; i < 8; i++) printf("%-8s %d\n", words[i].w, words[i].n);
    for (i = 0; i < 26; i++) if (letters[i]) printf("%c%d ", 'a' + i, letters[i]);
    printf("\n%zu\n", strlen(text));
    length_histogram(text);
    return 0;
}
