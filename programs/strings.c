/*
 * strings.c - a C string is an array of chars ending with '\0'.
 *
 * What it shows: our own versions of strlen and strcpy, a string reversed
 * in place, and a palindrome test. The results are compared with the
 * library's strlen and strcmp.
 * Where things live: the literals are in rodata (read-only), so we copy
 * them into arrays on the stack before changing them.
 *
 * Try:  segvm run strings.c
 */
#include <stdio.h>
#include <string.h>

/* Count the characters before the terminating '\0'. */
static int my_strlen(const char *s)
{
    int n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

/* Copy src, including its '\0', into dest. dest must be big enough. */
static char *my_strcpy(char *dest, const char *src)
{
    char *d = dest;
    while ((*d++ = *src++) != '\0')
        ;
    return dest;
}

/* Swap characters from both ends toward the middle. */
static void reverse(char *s)
{
    int i = 0;
    int j = my_strlen(s) - 1;
    while (i < j) {
        char tmp = s[i];
        s[i] = s[j];
        s[j] = tmp;
        i++;
        j--;
    }
}

static int is_palindrome(const char *s)
{
    char backwards[64];            /* stack: a scratch copy */
    my_strcpy(backwards, s);
    reverse(backwards);
    return strcmp(s, backwards) == 0;
}

int main(void)
{
    const char *words[] = {"level", "segment", "racecar", "stack", ""};
    char buffer[32];               /* stack: room for a copy we may change */
    int i;

    my_strcpy(buffer, "Hello, segments");
    printf("buffer = \"%s\", my_strlen = %d, strlen = %lu\n", buffer,
           my_strlen(buffer), (unsigned long)strlen(buffer));
    reverse(buffer);
    printf("reversed: \"%s\"\n", buffer);
    reverse(buffer);
    printf("reversed again: \"%s\"\n", buffer);

    /* The '\0' counts in the size of the array, not in the length. */
    printf("sizeof \"abc\" = %lu, strlen(\"abc\") = %lu\n",
           (unsigned long)sizeof "abc", (unsigned long)strlen("abc"));

    for (i = 0; i < 5; i++)
        printf("\"%s\" has %d chars, palindrome: %s\n", words[i],
               my_strlen(words[i]), is_palindrome(words[i]) ? "yes" : "no");

    /* strcmp returns <0, 0 or >0: compare the sign, not the exact value. */
    printf("strcmp(\"heap\", \"stack\") < 0: %s\n",
           strcmp("heap", "stack") < 0 ? "yes" : "no");
    return 0;
}
