/* program: tokenizer and recursive-descent calculator over expression strings */
#include <stdio.h>
#include <ctype.h>
#include <string.h>

enum Tok { T_NUM, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT, T_LP, T_RP, T_POW, T_END, T_ERR };

struct Lexer { const char *s; enum Tok tok; double num; };

static void next(struct Lexer *lx) {
    while (isspace((unsigned char)*lx->s)) lx->s++;
    char c = *lx->s;
    if (c == 0) { lx->tok = T_END; return; }
    if (isdigit((unsigned char)c) || c == '.') {
        double v = 0, scale = 1;
        int seen_dot = 0;
        while (isdigit((unsigned char)*lx->s) || (*lx->s == '.' && !seen_dot)) {
            if (*lx->s == '.') seen_dot = 1;
            else if (seen_dot) { scale /= 10; v += (*lx->s - '0') * scale; }
            else v = v * 10 + (*lx->s - '0');
            lx->s++;
        }
        lx->num = v;
        lx->tok = T_NUM;
        return;
    }
    lx->s++;
    switch (c) {
    case '+': lx->tok = T_PLUS; break;
    case '-': lx->tok = T_MINUS; break;
    case '*': lx->tok = T_STAR; break;
    case '/': lx->tok = T_SLASH; break;
    case '%': lx->tok = T_PERCENT; break;
    case '^': lx->tok = T_POW; break;
    case '(': lx->tok = T_LP; break;
    case ')': lx->tok = T_RP; break;
    default: lx->tok = T_ERR;
    }
}

static int error;
static double expr(struct Lexer *lx);

static double primary(struct Lexer *lx) {
    if (lx->tok == T_NUM) { double v = lx->num; next(lx); return v; }
    if (lx->tok == T_MINUS) { next(lx); return -primary(lx); }
    if (lx->tok == T_LP) {
        next(lx);
        double v = expr(lx);
        if (lx->tok != T_RP) error = 1;
        else next(lx);
        return v;
    }
    error = 1;
    return 0;
}

static double power(struct Lexer *lx) {
    double base = primary(lx);
    if (lx->tok == T_POW) {
        next(lx);
        double e = power(lx);
        double r = 1;
        int i, n = (int)e;
        for (i = 0; i < (n < 0 ? -n : n); i++) r *= base;
        return n < 0 ? 1 / r : r;
    }
    return base;
}

static double term(struct Lexer *lx) {
    double v = power(lx);
    while (lx->tok == T_STAR || lx->tok == T_SLASH || lx->tok == T_PERCENT) {
        enum Tok op = lx->tok;
        next(lx);
        double r = power(lx);
        if (op == T_STAR) v *= r;
        else if (op == T_SLASH) v /= r;
        else v = (double)((long)v % (long)r);
    }
    return v;
}

static double expr(struct Lexer *lx) {
    double v = term(lx);
    while (lx->tok == T_PLUS || lx->tok == T_MINUS) {
        enum Tok op = lx->tok;
        next(lx);
        double r = term(lx);
        v = op == T_PLUS ? v + r : v - r;
    }
    return v;
}

static void run(const char *src) {
    struct Lexer lx;
    lx.s = src;
    error = 0;
    next(&lx);
    double v = expr(&lx);
    if (lx.tok != T_END) error = 1;
    if (error) printf("%-24s => error\n", src);
    else printf("%-24s => %g\n", src, v);
}

int main(void) {
    const char *inputs[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 10", "2 ^ 3 ^ 2", "-4 + 10 / 4",
        "17 % 5 * 2", "3.5 * (2 - 0.5)", "((((7))))", "1 +", "2 * (3 + 4",
        "10 / 4 / 5", "-(-(-2))", "2 ^ -2", "1 $ 2", "0.125 + .875",
    };
    size_t i;
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) run(inputs[i]);
    printf("%d\n", (int)strlen(inputs[0]));
    return 0;
}
