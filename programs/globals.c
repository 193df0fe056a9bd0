/*
 * globals.c - initialized globals (data) and zero-initialized globals (bss).
 *
 * What it shows:
 *   - A global with an initial value goes to the data segment. Its initial
 *     bytes are stored in the program itself and loaded before main runs.
 *   - A global with no initializer goes to bss. The program only records
 *     "so many bytes, all zero", so a big zeroed array costs nothing in the
 *     program file; the bytes are cleared when the program starts.
 *   - Every function sees the same global: a change made in one function is
 *     visible in all the others.
 *
 * Try:  segvm map globals.c    compare the sizes of data and bss
 *       segvm run globals.c
 */
#include <stdio.h>

int lives = 3;                        /* data: initialized */
int high_scores[5] = {900, 750, 600}; /* data: the last two elements are 0 */
char player[] = "Ada";                /* data: a writable array of 4 chars */
const char *title = "Space Game";     /* data: the pointer; rodata: the text */

int score;                            /* bss: starts as 0 */
int big_table[1000];                  /* bss: 4000 zero bytes, free of charge */

static void lose_life(void)
{
    lives--;                          /* changes the one and only 'lives' */
}

static void add_points(int points)
{
    score += points;
    big_table[points % 1000]++;
}

int main(void)
{
    int i;
    int sum = 0;

    printf("%s: player %s, lives %d, score %d\n", title, player, lives, score);

    for (i = 0; i < 1000; i++)
        sum += big_table[i];
    printf("big_table has %lu bytes, and they add up to %d\n",
           (unsigned long)sizeof big_table, sum);

    printf("high scores:");
    for (i = 0; i < 5; i++)
        printf(" %d", high_scores[i]);
    printf("\n");

    add_points(250);
    add_points(250);
    lose_life();
    player[0] = 'E';                  /* allowed: player is an array in data */
    player[1] = 'v';
    player[2] = 'e';
    printf("after the game: player %s, lives %d, score %d, big_table[250] = %d\n",
           player, lives, score, big_table[250]);

    high_scores[3] = score;
    printf("high scores:");
    for (i = 0; i < 5; i++)
        printf(" %d", high_scores[i]);
    printf("\n");
    return 0;
}
