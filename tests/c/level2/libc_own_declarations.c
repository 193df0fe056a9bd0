/* a program may declare library functions itself instead of including their headers;
   a declaration that differs from the real one only in qualifiers is accepted too
   (int strcmp(char *, char *)); getchar reads stdin to its end */
int printf(const char *, ...);
int strcmp(char *, char *);
unsigned long strlen(const char *s);
void *malloc(unsigned long);
void free(void *);
int getchar(void);
int puts(const char *);
double sqrt(double);
void qsort(void *, unsigned long, unsigned long, int (*)(const void *, const void *));

static int by_value(const void *a, const void *b) {
    return *(const int *)a - *(const int *)b;
}

int main(void) {
    char a[] = "abc", b[] = "abd";
    int v[4] = { 3, 1, 4, 1 };
    int *copy = malloc(sizeof v);
    int c, chars = 0, lines = 0, i;
    while ((c = getchar()) != -1) {
        chars++;
        if (c == '\n') lines++;
    }
    for (i = 0; i < 4; i++) copy[i] = v[i];
    qsort(copy, 4, sizeof copy[0], by_value);
    printf("%d %lu %d %d %g\n", strcmp(a, b) < 0, strlen(a), chars, lines, sqrt(2.0));
    printf("%d %d %d %d\n", copy[0], copy[1], copy[2], copy[3]);
    free(copy);
    puts("done");
    return 0;
}
