/* program: pretty printer for a JSON-like string with a tiny validator */
#include <stdio.h>
#include <ctype.h>

static const char *src;
static int depth_max;

static void indent(int d) { int i; for (i = 0; i < d; i++) printf("  "); }
static void skip(void) { while (isspace((unsigned char)*src)) src++; }

static int value(int d);

static int string(void) {
    putchar(*src++);
    while (*src && *src != '"') {
        if (*src == '\\') putchar(*src++);
        if (!*src) return 0;
        putchar(*src++);
    }
    if (*src != '"') return 0;
    putchar(*src++);
    return 1;
}

static int container(int d, char open, char close) {
    int first = 1;
    if (d + 1 > depth_max) depth_max = d + 1;
    putchar(open);
    src++;
    skip();
    if (*src == close) { src++; putchar(close); return 1; }
    putchar('\n');
    for (;;) {
        if (!first) printf(",\n");
        first = 0;
        indent(d + 1);
        skip();
        if (open == '{') {
            if (*src != '"' || !string()) return 0;
            skip();
            if (*src++ != ':') return 0;
            printf(": ");
            skip();
        }
        if (!value(d + 1)) return 0;
        skip();
        if (*src == ',') { src++; continue; }
        if (*src == close) { src++; break; }
        return 0;
    }
    putchar('\n');
    indent(d);
    putchar(close);
    return 1;
}

static int value(int d) {
    skip();
    if (*src == '{') return container(d, '{', '}');
    if (*src == '[') return container(d, '[', ']');
    if (*src == '"') return string();
    if (*src == '-' || isdigit((unsigned char)*src)) {
        while (*src == '-' || *src == '.' || *src == 'e' || isdigit((unsigned char)*src)) putchar(*src++);
        return 1;
    }
    if (isalpha((unsigned char)*src)) {
        while (isalpha((unsigned char)*src)) putchar(*src++);
        return 1;
    }
    return 0;
}

static void pretty(const char *s) {
    src = s;
    depth_max = 0;
    int ok = value(0);
    skip();
    if (*src) ok = 0;
    printf("\n-- %s, depth %d\n", ok ? "valid" : "invalid", depth_max);
}

int main(void) {
    pretty("{\"name\":\"segvm\",\"version\":[1,2,3],\"opts\":{\"fast\":true,\"level\":-2.5e3,"
           "\"tags\":[],\"empty\":{}},\"esc\":\"a\\\"b\",\"list\":[{\"x\":1},{\"y\":[null,false]}]}");
    pretty("[1, 2, [3, [4, [5]]]]");
    pretty("{\"a\": 1,, }");
    return 0;
}
