/* printf: every flag subset x width x precision for each conversion (formats built at run time) */
#include <stdio.h>
#include <string.h>

static const char *widths[] = { "", "8" };
static const char *precs[] = { "", ".0", ".3" };

static void make(char *fmt, const char *allowed, int mask, const char *w, const char *p, char conv) {
    int i, n = 0;
    fmt[n++] = '%';
    for (i = 0; allowed[i]; i++)
        if (mask & (1 << i)) fmt[n++] = allowed[i];
    fmt[n] = 0;
    strcat(fmt, w);
    strcat(fmt, p);
    n = (int)strlen(fmt);
    fmt[n++] = conv;
    fmt[n] = 0;
}

static void run_int(char conv, const char *allowed) {
    int mask, wi, pi, nflags = (int)strlen(allowed);
    char fmt[32];
    for (mask = 0; mask < (1 << nflags); mask++)
        for (wi = 0; wi < 2; wi++)
            for (pi = 0; pi < 3; pi++) {
                make(fmt, allowed, mask, widths[wi], precs[pi], conv);
                printf("%-9s", fmt);
                printf("[");
                printf(fmt, 0);
                printf("] [");
                printf(fmt, 42);
                printf("] [");
                printf(fmt, conv == 'd' ? -42 : 123456);
                printf("]\n");
            }
}

static void run_dbl(char conv, const char *allowed) {
    static const double vals[] = { 0.0, 3.14159, -1234.5678, 1e-5 };
    int mask, wi, pi, k, nflags = (int)strlen(allowed);
    char fmt[32];
    for (mask = 0; mask < (1 << nflags); mask++)
        for (wi = 0; wi < 2; wi++)
            for (pi = 0; pi < 3; pi++) {
                make(fmt, allowed, mask, widths[wi], precs[pi], conv);
                printf("%-9s", fmt);
                for (k = 0; k < 4; k++) {
                    printf("[");
                    printf(fmt, vals[k]);
                    printf("]");
                }
                printf("\n");
            }
}

int main(void) {
    const char *dconv = "feEgGa";
    int wi, pi;
    char fmt[32];
    run_int('d', "-+ 0");
    run_int('i', "-+ 0");
    run_int('u', "-0");
    run_int('x', "-#0");
    run_int('X', "-#0");
    run_int('o', "-#0");
    for (; *dconv; dconv++) run_dbl(*dconv, "-+ #0");
    for (wi = 0; wi < 2; wi++) {
        for (pi = 0; pi < 3; pi++) {
            make(fmt, "-", wi, widths[wi], precs[pi], 's');
            printf("%-9s[", fmt);
            printf(fmt, "string");
            printf("]\n");
        }
        make(fmt, "-", wi, widths[wi], "", 'c');
        printf("%-9s[", fmt);
        printf(fmt, 'c');
        printf("]\n");
    }
    return 0;
}
