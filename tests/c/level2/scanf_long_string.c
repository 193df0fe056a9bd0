/* scanf %ld and %s (whitespace-delimited words, width limit) */
#include <stdio.h>

int main(void) {
    long big;
    char word[16], w2[5];
    int n = scanf("%ld %15s", &big, word);
    printf("%d %ld [%s]\n", n, big, word);
    n = scanf("%4s", w2);
    printf("%d [%s]\n", n, w2);
    n = scanf("%s", word);
    printf("%d [%s]\n", n, word);
    while (scanf("%15s", word) == 1) printf("word [%s]\n", word);
    return 0;
}
