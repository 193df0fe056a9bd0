/*
 * tiny.c -- an interpreter for Tiny, a small dynamically typed scripting language.
 *
 * A course project in one file: a hand-written lexer, a recursive-descent parser that
 * builds an abstract syntax tree in an arena, a tree-walking evaluator with lexical
 * scopes and closures, a mark-and-sweep garbage collector and a library of native
 * functions. main() reads test scripts from standard input (each after a line
 * "@@ NAME"), runs them one by one and prints what they print, then a few statistics
 * and a checksum of everything printed.
 *
 * (In segvm's repository this is the program of the compile-time benchmark,
 * benches/compile_time.py; tests/gcc_oracle.rs runs it on tiny.stdin against gcc.)
 *
 * The language:
 *   let x = 1;                        variables, block scoped
 *   fn add(a, b) { return a + b; }    functions: first-class values, closures
 *   if (c) { } elif (d) { } else { }
 *   while (c) { }                     for i in 0..10 { }      for x in list { }
 *   break;  continue;  return e;
 *   print a, b;                       prints its operands separated by spaces
 *   [1, 2, 3]   {"key": value}        arrays and maps (string keys, insertion order)
 *   integers, strings, true, false, nil; # starts a comment
 */

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 16
#define MAX_ERRORS 6
#define MAX_DEPTH 120
#define MAX_PRINT_DEPTH 6
#define GC_MIN_THRESHOLD (24 * 1024)
#define ROOT_STACK_SIZE 2048
#define SYMBOL_BUCKETS 211
#define ARENA_BLOCK_SIZE 8192
#define MESSAGE_SIZE 160

#define ARRAY_LEN(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define UNUSED(x) ((void)(x))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* ------------------------------------------------------------------ utilities */

static void fatal(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tiny: fatal: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n == 0 ? 1 : n);
    if (p == NULL) fatal("out of memory (%lu bytes)", (unsigned long)n);
    return p;
}

static void *xrealloc(void *old, size_t n) {
    void *p = realloc(old, n == 0 ? 1 : n);
    if (p == NULL) fatal("out of memory (%lu bytes)", (unsigned long)n);
    return p;
}

/* FNV-1a over n bytes: names, map keys and the output checksum. */
static unsigned int hash_bytes(unsigned int h, const char *s, int n) {
    int i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

#define FNV_OFFSET 2166136261u

/* A growable string: the printer and the string natives build into one. */
typedef struct {
    char *data;
    int len;
    int cap;
} StrBuf;

static void sb_init(StrBuf *sb) {
    sb->cap = 32;
    sb->len = 0;
    sb->data = xmalloc((size_t)sb->cap);
    sb->data[0] = '\0';
}

static void sb_free(StrBuf *sb) {
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

static void sb_reserve(StrBuf *sb, int extra) {
    if (sb->len + extra + 1 <= sb->cap) return;
    while (sb->len + extra + 1 > sb->cap) sb->cap *= 2;
    sb->data = xrealloc(sb->data, (size_t)sb->cap);
}

static void sb_putc(StrBuf *sb, char c) {
    sb_reserve(sb, 1);
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
}

static void sb_putn(StrBuf *sb, const char *s, int n) {
    sb_reserve(sb, n);
    memcpy(sb->data + sb->len, s, (size_t)n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

static void sb_puts(StrBuf *sb, const char *s) { sb_putn(sb, s, (int)strlen(s)); }

static void sb_printf(StrBuf *sb, const char *fmt, ...) {
    char small[64];
    va_list ap, again;
    int n;
    va_start(ap, fmt);
    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof small) {
        sb_putn(sb, small, n);
    } else {
        sb_reserve(sb, n);
        vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, again);
        sb->len += n;
    }
    va_end(again);
}


/* Everything the scripts print goes through here, so main can checksum it. */
static unsigned int output_hash = FNV_OFFSET;
static long output_bytes;

static void emit(const char *s, int n) {
    if (n <= 0) return;
    output_hash = hash_bytes(output_hash, s, n);
    output_bytes += n;
    while (n-- > 0) putchar(*s++);
}

static void emitf(const char *fmt, ...) {
    char line[256];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    emit(line, MIN(n, (int)sizeof line - 1));
}

/* ---------------------------------------------------------------- the arena */

/* The tree, its names and its string constants live in one arena per script and are
   freed together when the script is done. */
typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used;
    size_t cap;
} ArenaBlock;

typedef struct {
    ArenaBlock *head;
    size_t total;
    int blocks;
} Arena;

static void arena_init(Arena *a) {
    a->head = NULL;
    a->total = 0;
    a->blocks = 0;
}

static void *arena_alloc(Arena *a, size_t n) {
    ArenaBlock *b = a->head;
    char *p;
    n = (n + 7) & ~(size_t)7;
    if (b == NULL || b->used + n > b->cap) {
        size_t cap = MAX((size_t)ARENA_BLOCK_SIZE, n);
        b = xmalloc(sizeof(ArenaBlock) + cap);
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
        a->blocks++;
    }
    p = (char *)(b + 1) + b->used;
    b->used += n;
    a->total += n;
    return p;
}

static char *arena_strndup(Arena *a, const char *s, int n) {
    char *p = arena_alloc(a, (size_t)n + 1);
    memcpy(p, s, (size_t)n);
    p[n] = '\0';
    return p;
}

static void arena_free(Arena *a) {
    ArenaBlock *b = a->head;
    while (b != NULL) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

/* ------------------------------------------------------------------ symbols */

/* Identifiers are interned: two names are the same variable exactly when their
   pointers are equal, so scopes compare pointers rather than strings. */
typedef struct Symbol {
    struct Symbol *next;
    unsigned int hash;
    int len;
    char name[];
} Symbol;

static Symbol *symbol_table[SYMBOL_BUCKETS];
static int symbol_count;

static const char *intern(const char *s, int len) {
    unsigned int h = hash_bytes(FNV_OFFSET, s, len);
    Symbol **bucket = &symbol_table[h % SYMBOL_BUCKETS];
    Symbol *sym;
    for (sym = *bucket; sym != NULL; sym = sym->next) {
        if (sym->hash == h && sym->len == len && memcmp(sym->name, s, (size_t)len) == 0)
            return sym->name;
    }
    sym = xmalloc(sizeof(Symbol) + (size_t)len + 1);
    sym->hash = h;
    sym->len = len;
    memcpy(sym->name, s, (size_t)len);
    sym->name[len] = '\0';
    sym->next = *bucket;
    *bucket = sym;
    symbol_count++;
    return sym->name;
}

static void free_symbols(void) {
    int i;
    for (i = 0; i < SYMBOL_BUCKETS; i++) {
        Symbol *sym = symbol_table[i];
        while (sym != NULL) {
            Symbol *next = sym->next;
            free(sym);
            sym = next;
        }
        symbol_table[i] = NULL;
    }
    symbol_count = 0;
}

/* -------------------------------------------------------------------- lexer */

typedef enum {
    T_EOF, T_ERROR, T_INT, T_STRING, T_IDENT,
    /* keywords */
    T_LET, T_FN, T_IF, T_ELIF, T_ELSE, T_WHILE, T_FOR, T_IN, T_RETURN, T_BREAK, T_CONTINUE,
    T_PRINT, T_TRUE, T_FALSE, T_NIL,
    /* punctuation */
    T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_COMMA, T_SEMI, T_COLON,
    T_DOTDOT,
    /* operators */
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT, T_ASSIGN, T_PLUS_ASSIGN, T_MINUS_ASSIGN,
    T_STAR_ASSIGN, T_SLASH_ASSIGN, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_ANDAND, T_OROR, T_BANG,
    T_COUNT
} TokenKind;

static const char *const token_names[T_COUNT] = {
    [T_EOF] = "end of input", [T_ERROR] = "invalid token", [T_INT] = "integer",
    [T_STRING] = "string", [T_IDENT] = "identifier", [T_LET] = "'let'", [T_FN] = "'fn'",
    [T_IF] = "'if'", [T_ELIF] = "'elif'", [T_ELSE] = "'else'", [T_WHILE] = "'while'",
    [T_FOR] = "'for'", [T_IN] = "'in'", [T_RETURN] = "'return'", [T_BREAK] = "'break'",
    [T_CONTINUE] = "'continue'", [T_PRINT] = "'print'", [T_TRUE] = "'true'",
    [T_FALSE] = "'false'", [T_NIL] = "'nil'", [T_LPAREN] = "'('", [T_RPAREN] = "')'",
    [T_LBRACE] = "'{'", [T_RBRACE] = "'}'", [T_LBRACKET] = "'['", [T_RBRACKET] = "']'",
    [T_COMMA] = "','", [T_SEMI] = "';'", [T_COLON] = "':'", [T_DOTDOT] = "'..'",
    [T_PLUS] = "'+'", [T_MINUS] = "'-'", [T_STAR] = "'*'", [T_SLASH] = "'/'",
    [T_PERCENT] = "'%'", [T_ASSIGN] = "'='", [T_PLUS_ASSIGN] = "'+='", [T_MINUS_ASSIGN] = "'-='",
    [T_STAR_ASSIGN] = "'*='", [T_SLASH_ASSIGN] = "'/='", [T_EQ] = "'=='", [T_NE] = "'!='",
    [T_LT] = "'<'", [T_LE] = "'<='", [T_GT] = "'>'", [T_GE] = "'>='", [T_ANDAND] = "'&&'",
    [T_OROR] = "'||'", [T_BANG] = "'!'"};

typedef struct {
    TokenKind kind;
    int line;
    int col;
    const char *start; /* into the source */
    int len;
    long ival;        /* T_INT */
    const char *text; /* T_IDENT: interned; T_STRING: unescaped, in the arena; T_ERROR: message */
    int text_len;
} Token;

typedef struct {
    const char *src;
    const char *cur;
    const char *line_start;
    int line;
    Arena *arena;
    long token_count;
} Lexer;

static const struct {
    const char *word;
    TokenKind kind;
} keywords[] = {
    {"let", T_LET},
    {"fn", T_FN},
    {"if", T_IF},
    {"elif", T_ELIF},
    {"else", T_ELSE},
    {"while", T_WHILE},
    {"for", T_FOR},
    {"in", T_IN},
    {"return", T_RETURN},
    {"break", T_BREAK},
    {"continue", T_CONTINUE},
    {"print", T_PRINT},
    {"true", T_TRUE},
    {"false", T_FALSE},
    {"nil", T_NIL},
};

static void lexer_init(Lexer *lx, const char *src, Arena *arena) {
    lx->src = src;
    lx->cur = src;
    lx->line_start = src;
    lx->line = 1;
    lx->arena = arena;
    lx->token_count = 0;
}

static Token make_token(Lexer *lx, TokenKind kind, const char *start) {
    Token t;
    t.kind = kind;
    t.line = lx->line;
    t.col = (int)(start - lx->line_start) + 1;
    t.start = start;
    t.len = (int)(lx->cur - start);
    t.ival = 0;
    t.text = NULL;
    t.text_len = 0;
    lx->token_count++;
    return t;
}

static Token error_token(Lexer *lx, const char *start, const char *message) {
    Token t = make_token(lx, T_ERROR, start);
    t.text = message;
    t.text_len = (int)strlen(message);
    return t;
}

static void skip_space_and_comments(Lexer *lx) {
    for (;;) {
        char c = *lx->cur;
        if (c == '\n') {
            lx->line++;
            lx->cur++;
            lx->line_start = lx->cur;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->cur++;
        } else if (c == '#') {
            while (*lx->cur != '\0' && *lx->cur != '\n') lx->cur++;
        } else {
            return;
        }
    }
}

static TokenKind keyword_or_ident(const char *s, int len) {
    int i;
    for (i = 0; i < ARRAY_LEN(keywords); i++) {
        if ((int)strlen(keywords[i].word) == len && memcmp(keywords[i].word, s, (size_t)len) == 0)
            return keywords[i].kind;
    }
    return T_IDENT;
}

static Token lex_number(Lexer *lx, const char *start) {
    long value = 0;
    int overflow = 0;
    Token t;
    while (isdigit((unsigned char)*lx->cur)) {
        int digit = *lx->cur - '0';
        if (value > (2147483647L * 4096L - digit) / 10) overflow = 1;
        value = value * 10 + digit;
        lx->cur++;
    }
    if (isalpha((unsigned char)*lx->cur) || *lx->cur == '_')
        return error_token(lx, start, "a number runs into a name");
    if (overflow) return error_token(lx, start, "integer literal too large");
    t = make_token(lx, T_INT, start);
    t.ival = value;
    return t;
}

static int escape_value(char c) {
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return '\0';
    case '\\': return '\\';
    case '"': return '"';
    default: return -1;
    }
}

static Token lex_string(Lexer *lx, const char *start) {
    StrBuf sb;
    Token t;
    int start_line = lx->line;
    sb_init(&sb);
    while (*lx->cur != '"') {
        char c = *lx->cur;
        if (c == '\0' || c == '\n') {
            sb_free(&sb);
            return error_token(lx, start, "unterminated string");
        }
        if (c == '\\') {
            int e = escape_value(lx->cur[1]);
            if (e < 0) {
                sb_free(&sb);
                lx->cur += lx->cur[1] != '\0' ? 2 : 1;
                return error_token(lx, start, "unknown escape sequence");
            }
            sb_putc(&sb, (char)e);
            lx->cur += 2;
        } else {
            sb_putc(&sb, c);
            lx->cur++;
        }
    }
    lx->cur++; /* the closing quote */
    t = make_token(lx, T_STRING, start);
    t.line = start_line;
    t.text = arena_strndup(lx->arena, sb.data, sb.len);
    t.text_len = sb.len;
    sb_free(&sb);
    return t;
}

/* Two-character operators first, then one-character ones. */
static Token lex_operator(Lexer *lx, const char *start) {
    char c = *lx->cur++;
    char next = *lx->cur;
#define TWO(ch, kind2, kind1)                                                                      \
    do {                                                                                           \
        if (next == (ch)) {                                                                        \
            lx->cur++;                                                                             \
            return make_token(lx, kind2, start);                                                   \
        }                                                                                          \
        return make_token(lx, kind1, start);                                                       \
    } while (0)
    switch (c) {
    case '(': return make_token(lx, T_LPAREN, start);
    case ')': return make_token(lx, T_RPAREN, start);
    case '{': return make_token(lx, T_LBRACE, start);
    case '}': return make_token(lx, T_RBRACE, start);
    case '[': return make_token(lx, T_LBRACKET, start);
    case ']': return make_token(lx, T_RBRACKET, start);
    case ',': return make_token(lx, T_COMMA, start);
    case ';': return make_token(lx, T_SEMI, start);
    case ':': return make_token(lx, T_COLON, start);
    case '%': return make_token(lx, T_PERCENT, start);
    case '+': TWO('=', T_PLUS_ASSIGN, T_PLUS);
    case '-': TWO('=', T_MINUS_ASSIGN, T_MINUS);
    case '*': TWO('=', T_STAR_ASSIGN, T_STAR);
    case '/': TWO('=', T_SLASH_ASSIGN, T_SLASH);
    case '=': TWO('=', T_EQ, T_ASSIGN);
    case '!': TWO('=', T_NE, T_BANG);
    case '<': TWO('=', T_LE, T_LT);
    case '>': TWO('=', T_GE, T_GT);
    case '.':
        if (next == '.') {
            lx->cur++;
            return make_token(lx, T_DOTDOT, start);
        }
        return error_token(lx, start, "a single '.' (ranges are written a..b)");
    case '&':
        if (next == '&') {
            lx->cur++;
            return make_token(lx, T_ANDAND, start);
        }
        return error_token(lx, start, "a single '&' (did you mean '&&'?)");
    case '|':
        if (next == '|') {
            lx->cur++;
            return make_token(lx, T_OROR, start);
        }
        return error_token(lx, start, "a single '|' (did you mean '||'?)");
    default: return error_token(lx, start, "unexpected character");
    }
#undef TWO
}

static Token next_token(Lexer *lx) {
    const char *start;
    skip_space_and_comments(lx);
    start = lx->cur;
    if (*lx->cur == '\0') return make_token(lx, T_EOF, start);
    if (isdigit((unsigned char)*lx->cur)) return lex_number(lx, start);
    if (isalpha((unsigned char)*lx->cur) || *lx->cur == '_') {
        Token t;
        TokenKind kind;
        while (isalnum((unsigned char)*lx->cur) || *lx->cur == '_') lx->cur++;
        kind = keyword_or_ident(start, (int)(lx->cur - start));
        t = make_token(lx, kind, start);
        if (kind == T_IDENT) {
            t.text = intern(start, t.len);
            t.text_len = t.len;
        }
        return t;
    }
    if (*lx->cur == '"') {
        lx->cur++;
        return lex_string(lx, start);
    }
    return lex_operator(lx, start);
}

/* ---------------------------------------------------------------------- AST */

typedef enum {
    /* expressions */
    N_INT, N_STRING, N_BOOL, N_NIL, N_IDENT, N_ARRAY, N_MAP, N_FUNC, N_UNARY, N_BINARY,
    N_LOGICAL, N_ASSIGN, N_INDEX, N_CALL,
    /* statements */
    N_LET, N_FNDECL, N_EXPR_STMT, N_PRINT, N_IF, N_WHILE, N_FOR_RANGE, N_FOR_EACH, N_RETURN,
    N_BREAK, N_CONTINUE, N_BLOCK
} NodeKind;

typedef struct Node Node;

typedef struct {
    Node **items;
    int len;
} NodeList;

typedef struct {
    const char *name; /* NULL for a lambda */
    const char **params;
    int nparams;
    Node *body;
} FuncDecl;

struct Node {
    NodeKind kind;
    int line;
    union {
        long ival;
        int bval;
        struct { const char *chars; int len; } str;
        const char *name;
        NodeList list;                                      /* N_ARRAY, N_PRINT */
        struct { NodeList stmts; int needs_scope; } block;  /* needs_scope: declares names */
        struct { NodeList keys; NodeList values; } map;
        FuncDecl func;
        struct { TokenKind op; Node *operand; } unary;
        struct { TokenKind op; Node *left; Node *right; } binary; /* also N_LOGICAL, N_ASSIGN */
        struct { Node *target; Node *index; } index;
        struct { Node *callee; NodeList args; } call;
        struct { const char *name; Node *init; } let;
        struct { Node *cond; Node *then; Node *otherwise; } if_;
        struct { Node *cond; Node *body; } while_;
        struct { const char *var; Node *from; Node *to; Node *body; } for_; /* from: iterable */
        Node *expr;                                         /* N_EXPR_STMT, N_RETURN (or NULL) */
    } as;
};

/* A growable list of nodes while parsing; copied into the arena when complete. */
typedef struct {
    Node **items;
    int len;
    int cap;
} NodeVec;

static void nv_push(NodeVec *v, Node *n) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->items = xrealloc(v->items, sizeof(Node *) * (size_t)v->cap);
    }
    v->items[v->len++] = n;
}

static NodeList nv_finish(Arena *a, NodeVec *v) {
    NodeList list;
    list.len = v->len;
    list.items = arena_alloc(a, sizeof(Node *) * (size_t)(v->len ? v->len : 1));
    if (v->len) memcpy(list.items, v->items, sizeof(Node *) * (size_t)v->len);
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
    return list;
}

/* ------------------------------------------------------------------- parser */

typedef struct {
    Lexer lexer;
    Arena *arena;
    Token cur;
    Token prev;
    int panic;
    int errors;
    int loop_depth;
    int func_depth;
    char messages[MAX_ERRORS][MESSAGE_SIZE];
    long nodes;
} Parser;

static Node *new_node(Parser *p, NodeKind kind, int line) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = line;
    p->nodes++;
    return n;
}

static void error_at(Parser *p, const Token *t, const char *message) {
    char where[48];
    if (p->panic) return;
    p->panic = 1;
    if (t->kind == T_EOF) snprintf(where, sizeof where, "at end");
    else if (t->kind == T_ERROR) snprintf(where, sizeof where, "at column %d", t->col);
    else snprintf(where, sizeof where, "at '%.*s'", MIN(t->len, 20), t->start);
    if (p->errors < MAX_ERRORS)
        snprintf(p->messages[p->errors], MESSAGE_SIZE, "line %d: %s: %s", t->line, where, message);
    p->errors++;
}

static void advance(Parser *p) {
    p->prev = p->cur;
    for (;;) {
        p->cur = next_token(&p->lexer);
        if (p->cur.kind != T_ERROR) break;
        error_at(p, &p->cur, p->cur.text);
    }
}

static int check(const Parser *p, TokenKind kind) { return p->cur.kind == kind; }

static int match(Parser *p, TokenKind kind) {
    if (!check(p, kind)) return 0;
    advance(p);
    return 1;
}

static void expect(Parser *p, TokenKind kind, const char *context) {
    char message[MESSAGE_SIZE];
    if (check(p, kind)) {
        advance(p);
        return;
    }
    snprintf(message, sizeof message, "expected %s %s, found %s", token_names[kind], context,
             token_names[p->cur.kind]);
    error_at(p, &p->cur, message);
}

/* After an error, skip to a likely statement boundary so one mistake gives one message. */
static void synchronize(Parser *p) {
    p->panic = 0;
    while (!check(p, T_EOF)) {
        if (p->prev.kind == T_SEMI || p->prev.kind == T_RBRACE) return;
        switch (p->cur.kind) {
        case T_LET:
        case T_FN:
        case T_IF:
        case T_WHILE:
        case T_FOR:
        case T_RETURN:
        case T_PRINT: return;
        default: advance(p);
        }
    }
}

static Node *parse_expression(Parser *p);
static Node *parse_statement(Parser *p);
static Node *parse_block(Parser *p);

static const char *expect_name(Parser *p, const char *context) {
    if (check(p, T_IDENT)) {
        advance(p);
        return p->prev.text;
    }
    expect(p, T_IDENT, context);
    return intern("?", 1);
}

static void parse_function_rest(Parser *p, FuncDecl *fd) {
    const char *params[MAX_PARAMS];
    int n = 0, i;
    int saved_loops = p->loop_depth;
    expect(p, T_LPAREN, "before the parameters");
    if (!check(p, T_RPAREN)) {
        do {
            const char *name = expect_name(p, "as a parameter name");
            for (i = 0; i < n; i++) {
                if (params[i] == name) error_at(p, &p->prev, "duplicate parameter name");
            }
            if (n == MAX_PARAMS) error_at(p, &p->prev, "too many parameters");
            else params[n++] = name;
        } while (match(p, T_COMMA));
    }
    expect(p, T_RPAREN, "after the parameters");
    fd->nparams = n;
    fd->params = arena_alloc(p->arena, sizeof(const char *) * (size_t)(n ? n : 1));
    for (i = 0; i < n; i++) fd->params[i] = params[i];
    p->loop_depth = 0;
    p->func_depth++;
    fd->body = parse_block(p);
    p->func_depth--;
    p->loop_depth = saved_loops;
}

static void parse_arguments(Parser *p, NodeVec *args, TokenKind close) {
    if (check(p, close)) return;
    do {
        if (check(p, close)) break; /* a trailing comma */
        nv_push(args, parse_expression(p));
    } while (match(p, T_COMMA));
}

static Node *parse_primary(Parser *p) {
    Token t = p->cur;
    Node *n;
    switch (t.kind) {
    case T_INT:
        advance(p);
        n = new_node(p, N_INT, t.line);
        n->as.ival = t.ival;
        return n;
    case T_STRING:
        advance(p);
        n = new_node(p, N_STRING, t.line);
        n->as.str.chars = t.text;
        n->as.str.len = t.text_len;
        return n;
    case T_TRUE:
    case T_FALSE:
        advance(p);
        n = new_node(p, N_BOOL, t.line);
        n->as.bval = t.kind == T_TRUE;
        return n;
    case T_NIL: advance(p); return new_node(p, N_NIL, t.line);
    case T_IDENT:
        advance(p);
        n = new_node(p, N_IDENT, t.line);
        n->as.name = t.text;
        return n;
    case T_LPAREN:
        advance(p);
        n = parse_expression(p);
        expect(p, T_RPAREN, "to close the parenthesis");
        return n;
    case T_LBRACKET: {
        NodeVec items = {NULL, 0, 0};
        advance(p);
        n = new_node(p, N_ARRAY, t.line);
        parse_arguments(p, &items, T_RBRACKET);
        expect(p, T_RBRACKET, "to close the array");
        n->as.list = nv_finish(p->arena, &items);
        return n;
    }
    case T_LBRACE: {
        NodeVec keys = {NULL, 0, 0}, values = {NULL, 0, 0};
        advance(p);
        n = new_node(p, N_MAP, t.line);
        while (!check(p, T_RBRACE) && !check(p, T_EOF)) {
            nv_push(&keys, parse_expression(p));
            expect(p, T_COLON, "between a key and its value");
            nv_push(&values, parse_expression(p));
            if (!match(p, T_COMMA)) break;
        }
        expect(p, T_RBRACE, "to close the map");
        n->as.map.keys = nv_finish(p->arena, &keys);
        n->as.map.values = nv_finish(p->arena, &values);
        return n;
    }
    case T_FN:
        advance(p);
        n = new_node(p, N_FUNC, t.line);
        n->as.func.name = NULL;
        parse_function_rest(p, &n->as.func);
        return n;
    default:
        error_at(p, &t, "expected an expression");
        if (t.kind != T_EOF && t.kind != T_SEMI && t.kind != T_RBRACE) advance(p);
        return new_node(p, N_NIL, t.line);
    }
}

static Node *parse_postfix(Parser *p) {
    Node *n = parse_primary(p);
    for (;;) {
        int line = p->cur.line;
        if (match(p, T_LPAREN)) {
            NodeVec args = {NULL, 0, 0};
            Node *call = new_node(p, N_CALL, line);
            parse_arguments(p, &args, T_RPAREN);
            expect(p, T_RPAREN, "after the arguments");
            call->as.call.callee = n;
            call->as.call.args = nv_finish(p->arena, &args);
            if (call->as.call.args.len > MAX_PARAMS) error_at(p, &p->prev, "too many arguments");
            n = call;
        } else if (match(p, T_LBRACKET)) {
            Node *index = new_node(p, N_INDEX, line);
            index->as.index.target = n;
            index->as.index.index = parse_expression(p);
            expect(p, T_RBRACKET, "after the index");
            n = index;
        } else {
            return n;
        }
    }
}

static Node *parse_unary(Parser *p) {
    if (check(p, T_MINUS) || check(p, T_BANG)) {
        Token op = p->cur;
        Node *n;
        advance(p);
        n = new_node(p, N_UNARY, op.line);
        n->as.unary.op = op.kind;
        n->as.unary.operand = parse_unary(p);
        /* Fold a negative literal here: the printer and the evaluator see one number. */
        if (op.kind == T_MINUS && n->as.unary.operand->kind == N_INT) {
            long v = n->as.unary.operand->as.ival;
            n->kind = N_INT;
            n->as.ival = -v;
        }
        return n;
    }
    return parse_postfix(p);
}

static int binary_precedence(TokenKind k) {
    switch (k) {
    case T_OROR: return 1;
    case T_ANDAND: return 2;
    case T_EQ:
    case T_NE: return 3;
    case T_LT:
    case T_LE:
    case T_GT:
    case T_GE: return 4;
    case T_PLUS:
    case T_MINUS: return 5;
    case T_STAR:
    case T_SLASH:
    case T_PERCENT: return 6;
    default: return 0;
    }
}

/* Precedence climbing: every binary operator is left associative. */
static Node *parse_binary(Parser *p, int min_prec) {
    Node *left = parse_unary(p);
    for (;;) {
        TokenKind op = p->cur.kind;
        int prec = binary_precedence(op);
        int line = p->cur.line;
        Node *n;
        if (prec == 0 || prec < min_prec) return left;
        advance(p);
        n = new_node(p, op == T_ANDAND || op == T_OROR ? N_LOGICAL : N_BINARY, line);
        n->as.binary.op = op;
        n->as.binary.left = left;
        n->as.binary.right = parse_binary(p, prec + 1);
        left = n;
    }
}

static int is_assignment(TokenKind k) {
    return k == T_ASSIGN || k == T_PLUS_ASSIGN || k == T_MINUS_ASSIGN || k == T_STAR_ASSIGN ||
           k == T_SLASH_ASSIGN;
}

static Node *parse_expression(Parser *p) {
    Node *target = parse_binary(p, 1);
    if (is_assignment(p->cur.kind)) {
        Token op = p->cur;
        Node *n;
        advance(p);
        if (target->kind != N_IDENT && target->kind != N_INDEX)
            error_at(p, &op, "only a variable or an element can be assigned to");
        n = new_node(p, N_ASSIGN, op.line);
        n->as.binary.op = op.kind;
        n->as.binary.left = target;
        n->as.binary.right = parse_expression(p); /* right associative */
        return n;
    }
    return target;
}

static Node *parse_block(Parser *p) {
    NodeVec stmts = {NULL, 0, 0};
    Node *block = new_node(p, N_BLOCK, p->cur.line);
    int i;
    expect(p, T_LBRACE, "to open a block");
    while (!check(p, T_RBRACE) && !check(p, T_EOF)) {
        nv_push(&stmts, parse_statement(p));
        if (p->panic) synchronize(p);
    }
    expect(p, T_RBRACE, "to close the block");
    block->as.block.stmts = nv_finish(p->arena, &stmts);
    for (i = 0; i < block->as.block.stmts.len; i++) {
        NodeKind k = block->as.block.stmts.items[i]->kind;
        if (k == N_LET || k == N_FNDECL) block->as.block.needs_scope = 1;
    }
    return block;
}

static Node *parse_if(Parser *p, int line) {
    Node *n = new_node(p, N_IF, line);
    expect(p, T_LPAREN, "after 'if'");
    n->as.if_.cond = parse_expression(p);
    expect(p, T_RPAREN, "after the condition");
    n->as.if_.then = parse_block(p);
    if (match(p, T_ELIF)) n->as.if_.otherwise = parse_if(p, p->prev.line);
    else if (match(p, T_ELSE)) n->as.if_.otherwise = parse_block(p);
    return n;
}

static Node *parse_for(Parser *p, int line) {
    Node *n;
    const char *var = expect_name(p, "after 'for'");
    Node *from;
    expect(p, T_IN, "after the loop variable");
    from = parse_expression(p);
    if (match(p, T_DOTDOT)) {
        n = new_node(p, N_FOR_RANGE, line);
        n->as.for_.to = parse_expression(p);
    } else {
        n = new_node(p, N_FOR_EACH, line);
    }
    n->as.for_.var = var;
    n->as.for_.from = from;
    p->loop_depth++;
    n->as.for_.body = parse_block(p);
    p->loop_depth--;
    return n;
}

static Node *parse_statement(Parser *p) {
    Token t = p->cur;
    Node *n;
    switch (t.kind) {
    case T_LET:
        advance(p);
        n = new_node(p, N_LET, t.line);
        n->as.let.name = expect_name(p, "after 'let'");
        n->as.let.init = match(p, T_ASSIGN) ? parse_expression(p) : NULL;
        expect(p, T_SEMI, "after the declaration");
        return n;
    case T_FN:
        advance(p);
        if (!check(p, T_IDENT)) {
            /* A lambda as an expression statement. */
            n = new_node(p, N_EXPR_STMT, t.line);
            n->as.expr = new_node(p, N_FUNC, t.line);
            parse_function_rest(p, &n->as.expr->as.func);
            expect(p, T_SEMI, "after the expression");
            return n;
        }
        n = new_node(p, N_FNDECL, t.line);
        n->as.func.name = expect_name(p, "after 'fn'");
        parse_function_rest(p, &n->as.func);
        return n;
    case T_IF: advance(p); return parse_if(p, t.line);
    case T_WHILE:
        advance(p);
        n = new_node(p, N_WHILE, t.line);
        expect(p, T_LPAREN, "after 'while'");
        n->as.while_.cond = parse_expression(p);
        expect(p, T_RPAREN, "after the condition");
        p->loop_depth++;
        n->as.while_.body = parse_block(p);
        p->loop_depth--;
        return n;
    case T_FOR: advance(p); return parse_for(p, t.line);
    case T_RETURN:
        advance(p);
        if (p->func_depth == 0) error_at(p, &t, "'return' outside a function");
        n = new_node(p, N_RETURN, t.line);
        n->as.expr = check(p, T_SEMI) ? NULL : parse_expression(p);
        expect(p, T_SEMI, "after the return value");
        return n;
    case T_BREAK:
    case T_CONTINUE:
        advance(p);
        if (p->loop_depth == 0)
            error_at(p, &t,
                     t.kind == T_BREAK ? "'break' outside a loop" : "'continue' outside a loop");
        n = new_node(p, t.kind == T_BREAK ? N_BREAK : N_CONTINUE, t.line);
        expect(p, T_SEMI, t.kind == T_BREAK ? "after 'break'" : "after 'continue'");
        return n;
    case T_PRINT: {
        NodeVec items = {NULL, 0, 0};
        advance(p);
        n = new_node(p, N_PRINT, t.line);
        if (!check(p, T_SEMI)) {
            do { nv_push(&items, parse_expression(p)); } while (match(p, T_COMMA));
        }
        expect(p, T_SEMI, "after the print statement");
        n->as.list = nv_finish(p->arena, &items);
        return n;
    }
    case T_LBRACE: return parse_block(p);
    default:
        n = new_node(p, N_EXPR_STMT, t.line);
        n->as.expr = parse_expression(p);
        expect(p, T_SEMI, "after the expression");
        return n;
    }
}

/* A whole script: a block without braces. */
static Node *parse_program(Parser *p, const char *src, Arena *arena) {
    NodeVec stmts = {NULL, 0, 0};
    Node *program;
    lexer_init(&p->lexer, src, arena);
    p->arena = arena;
    p->panic = 0;
    p->errors = 0;
    p->loop_depth = 0;
    p->func_depth = 0;
    p->nodes = 0;
    advance(p);
    program = new_node(p, N_BLOCK, 1);
    while (!check(p, T_EOF)) {
        nv_push(&stmts, parse_statement(p));
        if (p->panic) synchronize(p);
        if (check(p, T_RBRACE)) {
            error_at(p, &p->cur, "unmatched '}'");
            advance(p);
            synchronize(p);
        }
    }
    program->as.block.stmts = nv_finish(arena, &stmts);
    program->as.block.needs_scope = 0; /* globals live in the global scope */
    return program;
}

/* ------------------------------------------------------------------- values */

typedef enum { VAL_NIL, VAL_BOOL, VAL_INT, VAL_OBJ } ValueType;

typedef enum { OBJ_STRING, OBJ_ARRAY, OBJ_MAP, OBJ_FUNCTION, OBJ_NATIVE, OBJ_ENV } ObjType;

typedef struct Obj Obj;

typedef struct {
    ValueType type;
    union {
        int boolean;
        long integer;
        Obj *obj;
    } as;
} Value;

struct Obj {
    ObjType type;
    unsigned char marked;
    Obj *next; /* every object, for the sweep */
};

typedef struct {
    Obj obj;
    int len;
    unsigned int hash;
    char *chars;
} ObjString;

typedef struct {
    Obj obj;
    int len;
    int cap;
    Value *items;
} ObjArray;

typedef struct {
    ObjString *key;
    Value value;
} MapEntry;

/* Entries in insertion order, found by a scan that compares hashes first: the maps of
   small scripts hold a few dozen keys. */
typedef struct {
    Obj obj;
    int count;
    int cap;
    MapEntry *entries;
} ObjMap;

typedef struct Env Env;

typedef struct {
    Obj obj;
    const FuncDecl *decl;
    Env *closure;
} ObjFunction;

typedef struct Interp Interp;
typedef Value (*NativeFn)(Interp *in, int argc, Value *argv, int line);

typedef struct {
    Obj obj;
    const char *name;
    int min_args;
    int max_args;
    NativeFn fn;
} ObjNative;

typedef struct {
    const char *name; /* interned */
    Value value;
} Binding;

struct Env {
    Obj obj;
    Env *parent;
    int count;
    int cap;
    Binding *vars;
};

#define IS_NIL(v) ((v).type == VAL_NIL)
#define IS_INT(v) ((v).type == VAL_INT)
#define IS_BOOL(v) ((v).type == VAL_BOOL)
#define IS_OBJ(v) ((v).type == VAL_OBJ)
#define IS_OBJ_TYPE(v, t) (IS_OBJ(v) && (v).as.obj->type == (t))
#define IS_STRING(v) IS_OBJ_TYPE(v, OBJ_STRING)
#define IS_ARRAY(v) IS_OBJ_TYPE(v, OBJ_ARRAY)
#define IS_MAP(v) IS_OBJ_TYPE(v, OBJ_MAP)
#define AS_STRING(v) ((ObjString *)(v).as.obj)
#define AS_ARRAY(v) ((ObjArray *)(v).as.obj)
#define AS_MAP(v) ((ObjMap *)(v).as.obj)
#define AS_FUNCTION(v) ((ObjFunction *)(v).as.obj)
#define AS_NATIVE(v) ((ObjNative *)(v).as.obj)

static Value nil_value(void) {
    Value v;
    v.type = VAL_NIL;
    v.as.integer = 0;
    return v;
}

static Value bool_value(int b) {
    Value v;
    v.type = VAL_BOOL;
    v.as.boolean = b != 0;
    return v;
}

static Value int_value(long i) {
    Value v;
    v.type = VAL_INT;
    v.as.integer = i;
    return v;
}

static Value obj_value(void *o) {
    Value v;
    v.type = VAL_OBJ;
    v.as.obj = (Obj *)o;
    return v;
}

/* ---------------------------------------------------------- the interpreter */

typedef enum { EX_NORMAL, EX_BREAK, EX_CONTINUE, EX_RETURN, EX_ERROR } ExecStatus;

struct Interp {
    /* the heap */
    Obj *objects;
    size_t bytes_allocated;
    size_t next_gc;
    int collections;
    long objects_allocated;
    long objects_freed;
    Obj **gray;
    int gray_len;
    int gray_cap;
    /* values held by C code while it allocates */
    Value roots[ROOT_STACK_SIZE];
    int nroots;
    /* scopes */
    Env *globals;
    Env *env;
    /* control */
    Value ret;
    int depth;
    int max_depth_seen;
    long steps;
    long calls;
    int error;
    int error_line;
    char message[MESSAGE_SIZE];
};

static void collect_garbage(Interp *in);

static void push_root(Interp *in, Value v) {
    if (in->nroots == ROOT_STACK_SIZE) fatal("root stack overflow");
    in->roots[in->nroots++] = v;
}

static void pop_roots(Interp *in, int n) { in->nroots -= n; }

/* Every object comes from here; a collection may run first, so the caller must have
   rooted every object it still needs. */
static Obj *allocate_object(Interp *in, size_t size, ObjType type) {
    Obj *o;
    if (in->bytes_allocated + size > in->next_gc) collect_garbage(in);
    o = xmalloc(size);
    o->type = type;
    o->marked = 0;
    o->next = in->objects;
    in->objects = o;
    in->bytes_allocated += size;
    in->objects_allocated++;
    return o;
}

/* Payloads (characters, items) count towards the next collection too. */
static void account(Interp *in, long delta) {
    in->bytes_allocated = (size_t)((long)in->bytes_allocated + delta);
}

static ObjString *new_string(Interp *in, const char *chars, int len) {
    ObjString *s = (ObjString *)allocate_object(in, sizeof(ObjString), OBJ_STRING);
    s->len = len;
    s->chars = xmalloc((size_t)len + 1);
    memcpy(s->chars, chars, (size_t)len);
    s->chars[len] = '\0';
    s->hash = hash_bytes(FNV_OFFSET, chars, len);
    account(in, len + 1);
    return s;
}

static ObjString *new_cstring(Interp *in, const char *chars) {
    return new_string(in, chars, (int)strlen(chars));
}

static ObjArray *new_array(Interp *in, int cap) {
    ObjArray *a = (ObjArray *)allocate_object(in, sizeof(ObjArray), OBJ_ARRAY);
    a->len = 0;
    a->cap = cap < 4 ? 4 : cap;
    a->items = xmalloc(sizeof(Value) * (size_t)a->cap);
    account(in, (long)(sizeof(Value) * (size_t)a->cap));
    return a;
}

static void array_push(Interp *in, ObjArray *a, Value v) {
    if (a->len == a->cap) {
        account(in, (long)(sizeof(Value) * (size_t)a->cap));
        a->cap *= 2;
        a->items = xrealloc(a->items, sizeof(Value) * (size_t)a->cap);
    }
    a->items[a->len++] = v;
}

static ObjMap *new_map(Interp *in) {
    ObjMap *m = (ObjMap *)allocate_object(in, sizeof(ObjMap), OBJ_MAP);
    m->count = 0;
    m->cap = 8;
    m->entries = xmalloc(sizeof(MapEntry) * (size_t)m->cap);
    account(in, (long)(sizeof(MapEntry) * (size_t)m->cap));
    return m;
}

static int keys_equal(const ObjString *a, const ObjString *b) {
    return a == b || (a->hash == b->hash && a->len == b->len &&
                      memcmp(a->chars, b->chars, (size_t)a->len) == 0);
}

static int map_find(const ObjMap *m, const ObjString *key) {
    int i;
    for (i = 0; i < m->count; i++) {
        if (keys_equal(m->entries[i].key, key)) return i;
    }
    return -1;
}

static Value *map_get(const ObjMap *m, const ObjString *key) {
    int i = map_find(m, key);
    return i < 0 ? NULL : &m->entries[i].value;
}

static void map_set(Interp *in, ObjMap *m, ObjString *key, Value value) {
    int i = map_find(m, key);
    if (i >= 0) {
        m->entries[i].value = value;
        return;
    }
    if (m->count == m->cap) {
        account(in, (long)(sizeof(MapEntry) * (size_t)m->cap));
        m->cap *= 2;
        m->entries = xrealloc(m->entries, sizeof(MapEntry) * (size_t)m->cap);
    }
    m->entries[m->count].key = key;
    m->entries[m->count].value = value;
    m->count++;
}

/* Removing keeps the order of the others. */
static int map_remove(ObjMap *m, const ObjString *key) {
    int i = map_find(m, key);
    if (i < 0) return 0;
    memmove(&m->entries[i], &m->entries[i + 1], sizeof(MapEntry) * (size_t)(m->count - i - 1));
    m->count--;
    return 1;
}

static ObjFunction *new_function(Interp *in, const FuncDecl *decl, Env *closure) {
    ObjFunction *f = (ObjFunction *)allocate_object(in, sizeof(ObjFunction), OBJ_FUNCTION);
    f->decl = decl;
    f->closure = closure;
    return f;
}

static Env *new_env(Interp *in, Env *parent) {
    Env *e = (Env *)allocate_object(in, sizeof(Env), OBJ_ENV);
    e->parent = parent;
    e->count = 0;
    e->cap = 0;
    e->vars = NULL;
    return e;
}

static Binding *env_find_local(Env *e, const char *name) {
    int i;
    for (i = 0; i < e->count; i++) {
        if (e->vars[i].name == name) return &e->vars[i];
    }
    return NULL;
}

static Binding *env_lookup(Env *e, const char *name) {
    for (; e != NULL; e = e->parent) {
        Binding *b = env_find_local(e, name);
        if (b != NULL) return b;
    }
    return NULL;
}

static void env_define(Interp *in, Env *e, const char *name, Value value) {
    Binding *b = env_find_local(e, name);
    if (b != NULL) {
        b->value = value;
        return;
    }
    if (e->count == e->cap) {
        int cap = e->cap ? e->cap * 2 : 4;
        account(in, (long)(sizeof(Binding) * (size_t)(cap - e->cap)));
        e->vars = xrealloc(e->vars, sizeof(Binding) * (size_t)cap);
        e->cap = cap;
    }
    e->vars[e->count].name = name;
    e->vars[e->count].value = value;
    e->count++;
}

/* ----------------------------------------------------------- the collector */

static void gray_object(Interp *in, Obj *o) {
    if (o == NULL || o->marked) return;
    o->marked = 1;
    if (in->gray_len == in->gray_cap) {
        in->gray_cap = in->gray_cap ? in->gray_cap * 2 : 64;
        in->gray = xrealloc(in->gray, sizeof(Obj *) * (size_t)in->gray_cap);
    }
    in->gray[in->gray_len++] = o;
}

static void gray_value(Interp *in, Value v) {
    if (IS_OBJ(v)) gray_object(in, v.as.obj);
}

static void blacken(Interp *in, Obj *o) {
    int i;
    switch (o->type) {
    case OBJ_STRING:
    case OBJ_NATIVE: break;
    case OBJ_ARRAY: {
        ObjArray *a = (ObjArray *)o;
        for (i = 0; i < a->len; i++) gray_value(in, a->items[i]);
        break;
    }
    case OBJ_MAP: {
        ObjMap *m = (ObjMap *)o;
        for (i = 0; i < m->count; i++) {
            gray_object(in, &m->entries[i].key->obj);
            gray_value(in, m->entries[i].value);
        }
        break;
    }
    case OBJ_FUNCTION: gray_object(in, &((ObjFunction *)o)->closure->obj); break;
    case OBJ_ENV: {
        Env *e = (Env *)o;
        if (e->parent != NULL) gray_object(in, &e->parent->obj);
        for (i = 0; i < e->count; i++) gray_value(in, e->vars[i].value);
        break;
    }
    }
}

static void free_object(Interp *in, Obj *o) {
    switch (o->type) {
    case OBJ_STRING: {
        ObjString *s = (ObjString *)o;
        account(in, -(long)(sizeof(ObjString) + (size_t)s->len + 1));
        free(s->chars);
        break;
    }
    case OBJ_ARRAY: {
        ObjArray *a = (ObjArray *)o;
        account(in, -(long)(sizeof(ObjArray) + sizeof(Value) * (size_t)a->cap));
        free(a->items);
        break;
    }
    case OBJ_MAP: {
        ObjMap *m = (ObjMap *)o;
        account(in, -(long)(sizeof(ObjMap) + sizeof(MapEntry) * (size_t)m->cap));
        free(m->entries);
        break;
    }
    case OBJ_FUNCTION: account(in, -(long)sizeof(ObjFunction)); break;
    case OBJ_NATIVE: account(in, -(long)sizeof(ObjNative)); break;
    case OBJ_ENV: {
        Env *e = (Env *)o;
        account(in, -(long)(sizeof(Env) + sizeof(Binding) * (size_t)e->cap));
        free(e->vars);
        break;
    }
    }
    free(o);
    in->objects_freed++;
}

static void collect_garbage(Interp *in) {
    Obj **link;
    int i;
    /* mark */
    gray_object(in, in->globals ? &in->globals->obj : NULL);
    gray_object(in, in->env ? &in->env->obj : NULL);
    gray_value(in, in->ret);
    for (i = 0; i < in->nroots; i++) gray_value(in, in->roots[i]);
    while (in->gray_len > 0) blacken(in, in->gray[--in->gray_len]);
    /* sweep */
    link = &in->objects;
    while (*link != NULL) {
        Obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->next;
        } else {
            *link = o->next;
            free_object(in, o);
        }
    }
    in->collections++;
    in->next_gc = MAX(in->bytes_allocated * 2, (size_t)GC_MIN_THRESHOLD);
}

static void free_all_objects(Interp *in) {
    while (in->objects != NULL) {
        Obj *next = in->objects->next;
        free_object(in, in->objects);
        in->objects = next;
    }
    free(in->gray);
    in->gray = NULL;
    in->gray_len = in->gray_cap = 0;
}

/* ------------------------------------------------------------ value helpers */

static const char *type_name(Value v) {
    switch (v.type) {
    case VAL_NIL: return "nil";
    case VAL_BOOL: return "bool";
    case VAL_INT: return "int";
    case VAL_OBJ:
        switch (v.as.obj->type) {
        case OBJ_STRING: return "string";
        case OBJ_ARRAY: return "array";
        case OBJ_MAP: return "map";
        case OBJ_FUNCTION: return "function";
        case OBJ_NATIVE: return "native";
        case OBJ_ENV: return "scope";
        }
    }
    return "?";
}

static int is_truthy(Value v) {
    switch (v.type) {
    case VAL_NIL: return 0;
    case VAL_BOOL: return v.as.boolean;
    case VAL_INT: return v.as.integer != 0;
    default: return 1;
    }
}

static int values_equal(Value a, Value b) {
    if (a.type != b.type) return 0;
    switch (a.type) {
    case VAL_NIL: return 1;
    case VAL_BOOL: return a.as.boolean == b.as.boolean;
    case VAL_INT: return a.as.integer == b.as.integer;
    case VAL_OBJ:
        if (IS_STRING(a) && IS_STRING(b)) return keys_equal(AS_STRING(a), AS_STRING(b));
        return a.as.obj == b.as.obj;
    }
    return 0;
}

/* A total order for sort(): by type, then ints by value and strings by bytes. */
static int type_rank(Value v) {
    if (IS_OBJ(v)) return 3 + (int)v.as.obj->type;
    return (int)v.type;
}

static int compare_values(Value a, Value b) {
    int ra = type_rank(a), rb = type_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    if (IS_INT(a)) return a.as.integer < b.as.integer ? -1 : a.as.integer > b.as.integer;
    if (IS_BOOL(a)) return a.as.boolean - b.as.boolean;
    if (IS_STRING(a)) {
        int n = MIN(AS_STRING(a)->len, AS_STRING(b)->len);
        int c = memcmp(AS_STRING(a)->chars, AS_STRING(b)->chars, (size_t)n);
        if (c != 0) return c < 0 ? -1 : 1;
        return AS_STRING(a)->len - AS_STRING(b)->len;
    }
    return 0;
}

static int compare_for_qsort(const void *pa, const void *pb) {
    return compare_values(*(const Value *)pa, *(const Value *)pb);
}

static void print_value(StrBuf *sb, Value v, int quote, int depth) {
    int i;
    switch (v.type) {
    case VAL_NIL: sb_puts(sb, "nil"); return;
    case VAL_BOOL: sb_puts(sb, v.as.boolean ? "true" : "false"); return;
    case VAL_INT: sb_printf(sb, "%ld", v.as.integer); return;
    case VAL_OBJ: break;
    }
    if (depth > MAX_PRINT_DEPTH) {
        sb_puts(sb, "...");
        return;
    }
    switch (v.as.obj->type) {
    case OBJ_STRING:
        if (quote) {
            const ObjString *s = AS_STRING(v);
            sb_putc(sb, '"');
            for (i = 0; i < s->len; i++) {
                char c = s->chars[i];
                if (c == '\n') sb_puts(sb, "\\n");
                else if (c == '"' || c == '\\') {
                    sb_putc(sb, '\\');
                    sb_putc(sb, c);
                } else sb_putc(sb, c);
            }
            sb_putc(sb, '"');
        } else {
            sb_putn(sb, AS_STRING(v)->chars, AS_STRING(v)->len);
        }
        return;
    case OBJ_ARRAY: {
        const ObjArray *a = AS_ARRAY(v);
        sb_putc(sb, '[');
        for (i = 0; i < a->len; i++) {
            if (i > 0) sb_puts(sb, ", ");
            print_value(sb, a->items[i], 1, depth + 1);
        }
        sb_putc(sb, ']');
        return;
    }
    case OBJ_MAP: {
        const ObjMap *m = AS_MAP(v);
        sb_putc(sb, '{');
        for (i = 0; i < m->count; i++) {
            if (i > 0) sb_puts(sb, ", ");
            print_value(sb, obj_value(m->entries[i].key), 1, depth + 1);
            sb_puts(sb, ": ");
            print_value(sb, m->entries[i].value, 1, depth + 1);
        }
        sb_putc(sb, '}');
        return;
    }
    case OBJ_FUNCTION: {
        const char *name = AS_FUNCTION(v)->decl->name;
        sb_printf(sb, "<fn %s/%d>", name ? name : "lambda", AS_FUNCTION(v)->decl->nparams);
        return;
    }
    case OBJ_NATIVE: sb_printf(sb, "<native %s>", AS_NATIVE(v)->name); return;
    case OBJ_ENV: sb_puts(sb, "<scope>"); return;
    }
}

/* ------------------------------------------------------------ the evaluator */

static Value runtime_error(Interp *in, int line, const char *fmt, ...) {
    va_list ap;
    if (in->error) return nil_value();
    in->error = 1;
    in->error_line = line;
    va_start(ap, fmt);
    vsnprintf(in->message, sizeof in->message, fmt, ap);
    va_end(ap);
    return nil_value();
}

#define TRY(in)                                                                                    \
    do {                                                                                           \
        if ((in)->error) return nil_value();                                                       \
    } while (0)

static Value eval(Interp *in, const Node *n);
static ExecStatus exec(Interp *in, const Node *n);
static ExecStatus exec_block(Interp *in, const Node *block, Env *scope);

static Value concat_strings(Interp *in, const ObjString *a, const ObjString *b) {
    ObjString *s;
    char *buf = xmalloc((size_t)a->len + (size_t)b->len + 1);
    memcpy(buf, a->chars, (size_t)a->len);
    memcpy(buf + a->len, b->chars, (size_t)b->len);
    s = new_string(in, buf, a->len + b->len);
    free(buf);
    return obj_value(s);
}

static Value repeat_string(Interp *in, const ObjString *a, long times, int line) {
    StrBuf sb;
    Value result;
    long i;
    if (times < 0 || times * a->len > 100000)
        return runtime_error(in, line, "cannot repeat a string %ld times", times);
    sb_init(&sb);
    for (i = 0; i < times; i++) sb_putn(&sb, a->chars, a->len);
    result = obj_value(new_string(in, sb.data, sb.len));
    sb_free(&sb);
    return result;
}

/* a OP b once both are evaluated (and rooted by the caller). */
static Value binary_op(Interp *in, TokenKind op, Value a, Value b, int line) {
    if (IS_INT(a) && IS_INT(b)) {
        long x = a.as.integer, y = b.as.integer;
        switch (op) {
        case T_PLUS: return int_value(x + y);
        case T_MINUS: return int_value(x - y);
        case T_STAR: return int_value(x * y);
        case T_SLASH:
            if (y == 0) return runtime_error(in, line, "division by zero");
            return int_value(x / y);
        case T_PERCENT:
            if (y == 0) return runtime_error(in, line, "modulo by zero");
            return int_value(x % y);
        case T_LT: return bool_value(x < y);
        case T_LE: return bool_value(x <= y);
        case T_GT: return bool_value(x > y);
        case T_GE: return bool_value(x >= y);
        default: break;
        }
    }
    switch (op) {
    case T_EQ: return bool_value(values_equal(a, b));
    case T_NE: return bool_value(!values_equal(a, b));
    case T_PLUS:
        if (IS_STRING(a) && IS_STRING(b)) return concat_strings(in, AS_STRING(a), AS_STRING(b));
        if (IS_ARRAY(a) && IS_ARRAY(b)) {
            ObjArray *r = new_array(in, AS_ARRAY(a)->len + AS_ARRAY(b)->len);
            int i;
            for (i = 0; i < AS_ARRAY(a)->len; i++) array_push(in, r, AS_ARRAY(a)->items[i]);
            for (i = 0; i < AS_ARRAY(b)->len; i++) array_push(in, r, AS_ARRAY(b)->items[i]);
            return obj_value(r);
        }
        break;
    case T_STAR:
        if (IS_STRING(a) && IS_INT(b)) return repeat_string(in, AS_STRING(a), b.as.integer, line);
        break;
    case T_LT:
    case T_LE:
    case T_GT:
    case T_GE:
        if (IS_STRING(a) && IS_STRING(b)) {
            int c = compare_values(a, b);
            return bool_value(op == T_LT   ? c < 0
                              : op == T_LE ? c <= 0
                              : op == T_GT ? c > 0
                                           : c >= 0);
        }
        break;
    default: break;
    }
    return runtime_error(in, line, "cannot apply %s to %s and %s", token_names[op], type_name(a),
                         type_name(b));
}

static Value eval_unary(Interp *in, const Node *n) {
    Value v = eval(in, n->as.unary.operand);
    TRY(in);
    if (n->as.unary.op == T_BANG) return bool_value(!is_truthy(v));
    if (!IS_INT(v)) return runtime_error(in, n->line, "cannot negate %s", type_name(v));
    return int_value(-v.as.integer);
}

static Value eval_binary(Interp *in, const Node *n) {
    Value a, b, result;
    a = eval(in, n->as.binary.left);
    TRY(in);
    push_root(in, a);
    b = eval(in, n->as.binary.right);
    if (in->error) {
        pop_roots(in, 1);
        return nil_value();
    }
    push_root(in, b);
    result = binary_op(in, n->as.binary.op, a, b, n->line);
    pop_roots(in, 2);
    return result;
}

static Value eval_logical(Interp *in, const Node *n) {
    Value a = eval(in, n->as.binary.left);
    TRY(in);
    if (n->as.binary.op == T_OROR ? is_truthy(a) : !is_truthy(a)) return a;
    return eval(in, n->as.binary.right);
}

static long normalize_index(long i, int len) { return i < 0 ? i + len : i; }

/* target[index] of evaluated (and rooted) values. */
static Value index_get(Interp *in, Value target, Value index, int line) {
    if (IS_ARRAY(target)) {
        ObjArray *a = AS_ARRAY(target);
        long i;
        if (!IS_INT(index))
            return runtime_error(in, line, "an array index must be an int, not %s",
                                 type_name(index));
        i = normalize_index(index.as.integer, a->len);
        if (i < 0 || i >= a->len)
            return runtime_error(in, line, "index %ld out of range for an array of %d",
                                 index.as.integer, a->len);
        return a->items[i];
    }
    if (IS_STRING(target)) {
        ObjString *s = AS_STRING(target);
        long i;
        if (!IS_INT(index))
            return runtime_error(in, line, "a string index must be an int, not %s",
                                 type_name(index));
        i = normalize_index(index.as.integer, s->len);
        if (i < 0 || i >= s->len)
            return runtime_error(in, line, "index %ld out of range for a string of %d",
                                 index.as.integer, s->len);
        return obj_value(new_string(in, s->chars + i, 1));
    }
    if (IS_MAP(target)) {
        Value *v;
        if (!IS_STRING(index))
            return runtime_error(in, line, "a map key must be a string, not %s", type_name(index));
        v = map_get(AS_MAP(target), AS_STRING(index));
        return v ? *v : nil_value();
    }
    return runtime_error(in, line, "cannot index %s", type_name(target));
}

static Value index_set(Interp *in, Value target, Value index, Value value, int line) {
    if (IS_ARRAY(target)) {
        ObjArray *a = AS_ARRAY(target);
        long i;
        if (!IS_INT(index))
            return runtime_error(in, line, "an array index must be an int, not %s",
                                 type_name(index));
        i = normalize_index(index.as.integer, a->len);
        if (i < 0 || i >= a->len)
            return runtime_error(in, line, "index %ld out of range for an array of %d",
                                 index.as.integer, a->len);
        a->items[i] = value;
        return value;
    }
    if (IS_MAP(target)) {
        if (!IS_STRING(index))
            return runtime_error(in, line, "a map key must be a string, not %s", type_name(index));
        map_set(in, AS_MAP(target), AS_STRING(index), value);
        return value;
    }
    return runtime_error(in, line, "cannot assign into %s", type_name(target));
}

static TokenKind arithmetic_of(TokenKind assign) {
    switch (assign) {
    case T_PLUS_ASSIGN: return T_PLUS;
    case T_MINUS_ASSIGN: return T_MINUS;
    case T_STAR_ASSIGN: return T_STAR;
    case T_SLASH_ASSIGN: return T_SLASH;
    default: return T_EOF;
    }
}

static Value eval_assign(Interp *in, const Node *n) {
    const Node *target = n->as.binary.left;
    TokenKind op = arithmetic_of(n->as.binary.op);
    Value value;
    if (target->kind == N_IDENT) {
        Binding *b;
        value = eval(in, n->as.binary.right);
        TRY(in);
        /* Looked up after the right side, whose evaluation may grow the scope. */
        b = env_lookup(in->env, target->as.name);
        if (b == NULL)
            return runtime_error(in, n->line, "assignment to undefined variable '%s'",
                                 target->as.name);
        if (op != T_EOF) {
            push_root(in, value);
            value = binary_op(in, op, b->value, value, n->line);
            pop_roots(in, 1);
            TRY(in);
        }
        b->value = value;
        return value;
    } else {
        Value obj, index, result;
        obj = eval(in, target->as.index.target);
        TRY(in);
        push_root(in, obj);
        index = eval(in, target->as.index.index);
        if (in->error) {
            pop_roots(in, 1);
            return nil_value();
        }
        push_root(in, index);
        value = eval(in, n->as.binary.right);
        if (in->error) {
            pop_roots(in, 2);
            return nil_value();
        }
        push_root(in, value);
        if (op != T_EOF) {
            Value old = index_get(in, obj, index, n->line);
            if (!in->error) {
                push_root(in, old);
                value = binary_op(in, op, old, value, n->line);
                pop_roots(in, 1);
            }
        }
        result = in->error ? nil_value() : index_set(in, obj, index, value, n->line);
        pop_roots(in, 3);
        return result;
    }
}

static Value call_value(Interp *in, Value callee, int argc, Value *argv, int line) {
    if (IS_OBJ_TYPE(callee, OBJ_NATIVE)) {
        ObjNative *nat = AS_NATIVE(callee);
        if (argc < nat->min_args || (nat->max_args >= 0 && argc > nat->max_args)) {
            char arity[32];
            if (nat->max_args == nat->min_args) snprintf(arity, sizeof arity, "%d", nat->min_args);
            else if (nat->max_args < 0) snprintf(arity, sizeof arity, "at least %d", nat->min_args);
            else snprintf(arity, sizeof arity, "%d to %d", nat->min_args, nat->max_args);
            return runtime_error(in, line, "%s() takes %s argument%s, not %d", nat->name, arity,
                                 nat->max_args == 1 ? "" : "s", argc);
        }
        return nat->fn(in, argc, argv, line);
    }
    if (IS_OBJ_TYPE(callee, OBJ_FUNCTION)) {
        ObjFunction *f = AS_FUNCTION(callee);
        const FuncDecl *d = f->decl;
        Env *saved = in->env;
        Env *scope;
        ExecStatus status;
        Value result;
        int i;
        if (argc != d->nparams)
            return runtime_error(in, line, "%s() takes %d argument%s, not %d",
                                 d->name ? d->name : "lambda", d->nparams,
                                 d->nparams == 1 ? "" : "s", argc);
        if (in->depth >= MAX_DEPTH)
            return runtime_error(in, line, "too much recursion (more than %d calls deep)",
                                 MAX_DEPTH);
        push_root(in, obj_value(saved));
        scope = new_env(in, f->closure);
        push_root(in, obj_value(scope));
        for (i = 0; i < argc; i++) env_define(in, scope, d->params[i], argv[i]);
        in->depth++;
        in->calls++;
        in->max_depth_seen = MAX(in->max_depth_seen, in->depth);
        status = exec_block(in, d->body, scope);
        in->depth--;
        in->env = saved;
        pop_roots(in, 2);
        result = in->ret;
        in->ret = nil_value();
        if (status == EX_ERROR) return nil_value();
        return status == EX_RETURN ? result : nil_value();
    }
    return runtime_error(in, line, "cannot call %s", type_name(callee));
}

static Value eval_call(Interp *in, const Node *n) {
    int base = in->nroots;
    int i;
    Value callee, result;
    callee = eval(in, n->as.call.callee);
    TRY(in);
    push_root(in, callee);
    for (i = 0; i < n->as.call.args.len; i++) {
        Value arg = eval(in, n->as.call.args.items[i]);
        if (in->error) {
            in->nroots = base;
            return nil_value();
        }
        push_root(in, arg);
    }
    result = call_value(in, callee, n->as.call.args.len, &in->roots[base + 1], n->line);
    in->nroots = base;
    return result;
}

static Value eval_array(Interp *in, const Node *n) {
    ObjArray *a = new_array(in, n->as.list.len);
    int i;
    push_root(in, obj_value(a));
    for (i = 0; i < n->as.list.len; i++) {
        Value v = eval(in, n->as.list.items[i]);
        if (in->error) break;
        array_push(in, a, v);
    }
    pop_roots(in, 1);
    TRY(in);
    return obj_value(a);
}

static Value eval_map(Interp *in, const Node *n) {
    ObjMap *m = new_map(in);
    int i;
    push_root(in, obj_value(m));
    for (i = 0; i < n->as.map.keys.len && !in->error; i++) {
        Value key = eval(in, n->as.map.keys.items[i]), value;
        if (in->error) break;
        if (!IS_STRING(key)) {
            runtime_error(in, n->line, "a map key must be a string, not %s", type_name(key));
            break;
        }
        push_root(in, key);
        value = eval(in, n->as.map.values.items[i]);
        if (!in->error) map_set(in, m, AS_STRING(key), value);
        pop_roots(in, 1);
    }
    pop_roots(in, 1);
    TRY(in);
    return obj_value(m);
}

static Value eval(Interp *in, const Node *n) {
    switch (n->kind) {
    case N_INT: return int_value(n->as.ival);
    case N_STRING: return obj_value(new_string(in, n->as.str.chars, n->as.str.len));
    case N_BOOL: return bool_value(n->as.bval);
    case N_NIL: return nil_value();
    case N_IDENT: {
        Binding *b = env_lookup(in->env, n->as.name);
        if (b == NULL) return runtime_error(in, n->line, "undefined variable '%s'", n->as.name);
        return b->value;
    }
    case N_ARRAY: return eval_array(in, n);
    case N_MAP: return eval_map(in, n);
    case N_FUNC: return obj_value(new_function(in, &n->as.func, in->env));
    case N_UNARY: return eval_unary(in, n);
    case N_BINARY: return eval_binary(in, n);
    case N_LOGICAL: return eval_logical(in, n);
    case N_ASSIGN: return eval_assign(in, n);
    case N_INDEX: {
        Value target, index, result;
        target = eval(in, n->as.index.target);
        TRY(in);
        push_root(in, target);
        index = eval(in, n->as.index.index);
        if (!in->error) {
            push_root(in, index);
            result = index_get(in, target, index, n->line);
            pop_roots(in, 1);
        } else {
            result = nil_value();
        }
        pop_roots(in, 1);
        return result;
    }
    case N_CALL: return eval_call(in, n);
    default:
        return runtime_error(in, n->line, "internal error: statement %d used as an expression",
                             (int)n->kind);
    }
}

/* ------------------------------------------------------------- statements */

static ExecStatus exec_print(Interp *in, const Node *n) {
    StrBuf line;
    int i;
    sb_init(&line);
    for (i = 0; i < n->as.list.len; i++) {
        Value v = eval(in, n->as.list.items[i]);
        if (in->error) {
            sb_free(&line);
            return EX_ERROR;
        }
        if (i > 0) sb_putc(&line, ' ');
        print_value(&line, v, 0, 0);
    }
    sb_putc(&line, '\n');
    emit(line.data, line.len);
    sb_free(&line);
    return EX_NORMAL;
}

/* Runs a loop body; tells the loop whether to go on. */
static int loop_continues(ExecStatus s, ExecStatus *out) {
    switch (s) {
    case EX_NORMAL:
    case EX_CONTINUE: return 1;
    case EX_BREAK: *out = EX_NORMAL; return 0;
    default: *out = s; return 0;
    }
}

static ExecStatus exec_for_range(Interp *in, const Node *n) {
    Value from, to;
    Env *scope, *saved;
    Binding *var;
    ExecStatus result = EX_NORMAL;
    long i;
    from = eval(in, n->as.for_.from);
    if (in->error) return EX_ERROR;
    to = eval(in, n->as.for_.to);
    if (in->error) return EX_ERROR;
    if (!IS_INT(from) || !IS_INT(to)) {
        runtime_error(in, n->line, "a range needs two ints, not %s and %s", type_name(from),
                      type_name(to));
        return EX_ERROR;
    }
    scope = new_env(in, in->env);
    push_root(in, obj_value(scope));
    env_define(in, scope, n->as.for_.var, nil_value());
    saved = in->env;
    in->env = scope;
    for (i = from.as.integer; i < to.as.integer; i++) {
        var = env_find_local(scope, n->as.for_.var);
        var->value = int_value(i);
        if (!loop_continues(exec_block(in, n->as.for_.body, NULL), &result)) break;
    }
    in->env = saved;
    pop_roots(in, 1);
    return result;
}

static ExecStatus exec_for_each(Interp *in, const Node *n) {
    Value seq;
    Env *scope, *saved;
    ExecStatus result = EX_NORMAL;
    int i;
    seq = eval(in, n->as.for_.from);
    if (in->error) return EX_ERROR;
    if (!IS_ARRAY(seq) && !IS_MAP(seq) && !IS_STRING(seq)) {
        runtime_error(in, n->line, "cannot iterate over %s", type_name(seq));
        return EX_ERROR;
    }
    push_root(in, seq);
    scope = new_env(in, in->env);
    push_root(in, obj_value(scope));
    env_define(in, scope, n->as.for_.var, nil_value());
    saved = in->env;
    in->env = scope;
    for (i = 0;; i++) {
        Value item;
        if (IS_ARRAY(seq)) {
            if (i >= AS_ARRAY(seq)->len) break;
            item = AS_ARRAY(seq)->items[i];
        } else if (IS_STRING(seq)) {
            if (i >= AS_STRING(seq)->len) break;
            item = obj_value(new_string(in, AS_STRING(seq)->chars + i, 1));
        } else {
            if (i >= AS_MAP(seq)->count) break;
            item = obj_value(AS_MAP(seq)->entries[i].key);
        }
        env_find_local(scope, n->as.for_.var)->value = item;
        if (!loop_continues(exec_block(in, n->as.for_.body, NULL), &result)) break;
    }
    in->env = saved;
    pop_roots(in, 2);
    return result;
}

/* Runs a block in `scope`, or in a fresh scope if it declares anything: a loop body
   gets one each iteration, so closures made in different iterations see different
   variables. */
static ExecStatus exec_block(Interp *in, const Node *block, Env *scope) {
    Env *saved = in->env;
    ExecStatus status = EX_NORMAL;
    int i;
    if (scope == NULL && block->as.block.needs_scope) scope = new_env(in, in->env);
    if (scope != NULL) in->env = scope;
    for (i = 0; i < block->as.block.stmts.len; i++) {
        status = exec(in, block->as.block.stmts.items[i]);
        if (status != EX_NORMAL) break;
    }
    in->env = saved;
    return status;
}

static ExecStatus exec(Interp *in, const Node *n) {
    in->steps++;
    switch (n->kind) {
    case N_LET: {
        Value v = n->as.let.init ? eval(in, n->as.let.init) : nil_value();
        if (in->error) return EX_ERROR;
        push_root(in, v);
        env_define(in, in->env, n->as.let.name, v);
        pop_roots(in, 1);
        return EX_NORMAL;
    }
    case N_FNDECL: {
        ObjFunction *f = new_function(in, &n->as.func, in->env);
        push_root(in, obj_value(f));
        env_define(in, in->env, n->as.func.name, obj_value(f));
        pop_roots(in, 1);
        return EX_NORMAL;
    }
    case N_EXPR_STMT: eval(in, n->as.expr); return in->error ? EX_ERROR : EX_NORMAL;
    case N_PRINT: return exec_print(in, n);
    case N_IF: {
        Value c = eval(in, n->as.if_.cond);
        if (in->error) return EX_ERROR;
        if (is_truthy(c)) return exec_block(in, n->as.if_.then, NULL);
        if (n->as.if_.otherwise == NULL) return EX_NORMAL;
        if (n->as.if_.otherwise->kind == N_IF) return exec(in, n->as.if_.otherwise);
        return exec_block(in, n->as.if_.otherwise, NULL);
    }
    case N_WHILE: {
        ExecStatus result = EX_NORMAL;
        for (;;) {
            Value c = eval(in, n->as.while_.cond);
            if (in->error) return EX_ERROR;
            if (!is_truthy(c)) break;
            if (!loop_continues(exec_block(in, n->as.while_.body, NULL), &result)) break;
        }
        return result;
    }
    case N_FOR_RANGE: return exec_for_range(in, n);
    case N_FOR_EACH: return exec_for_each(in, n);
    case N_RETURN:
        in->ret = n->as.expr ? eval(in, n->as.expr) : nil_value();
        return in->error ? EX_ERROR : EX_RETURN;
    case N_BREAK: return EX_BREAK;
    case N_CONTINUE: return EX_CONTINUE;
    case N_BLOCK: return exec_block(in, n, NULL);
    default: eval(in, n); return in->error ? EX_ERROR : EX_NORMAL;
    }
}

/* ------------------------------------------------------------------ natives */

#define NATIVE(name) static Value native_##name(Interp *in, int argc, Value *argv, int line)
#define EXPECT_TYPE(i, test, what)                                                                 \
    do {                                                                                           \
        if (!(test))                                                                               \
            return runtime_error(in, line, "argument %d must be %s, not %s", (i) + 1, what,        \
                                 type_name(argv[i]));                                              \
    } while (0)

NATIVE(len) {
    UNUSED(argc);
    if (IS_STRING(argv[0])) return int_value(AS_STRING(argv[0])->len);
    if (IS_ARRAY(argv[0])) return int_value(AS_ARRAY(argv[0])->len);
    if (IS_MAP(argv[0])) return int_value(AS_MAP(argv[0])->count);
    return runtime_error(in, line, "len() of %s", type_name(argv[0]));
}

NATIVE(push) {
    int i;
    EXPECT_TYPE(0, IS_ARRAY(argv[0]), "an array");
    for (i = 1; i < argc; i++) array_push(in, AS_ARRAY(argv[0]), argv[i]);
    return int_value(AS_ARRAY(argv[0])->len);
}

NATIVE(pop) {
    ObjArray *a;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_ARRAY(argv[0]), "an array");
    a = AS_ARRAY(argv[0]);
    if (a->len == 0) return runtime_error(in, line, "pop() from an empty array");
    return a->items[--a->len];
}

NATIVE(str) {
    StrBuf sb;
    Value result;
    UNUSED(argc);
    UNUSED(line);
    if (IS_STRING(argv[0])) return argv[0];
    sb_init(&sb);
    print_value(&sb, argv[0], 0, 0);
    result = obj_value(new_string(in, sb.data, sb.len));
    sb_free(&sb);
    return result;
}

NATIVE(int) {
    UNUSED(argc);
    if (IS_INT(argv[0])) return argv[0];
    if (IS_BOOL(argv[0])) return int_value(argv[0].as.boolean);
    if (IS_STRING(argv[0])) {
        char *end;
        long v = strtol(AS_STRING(argv[0])->chars, &end, 10);
        if (end == AS_STRING(argv[0])->chars || *end != '\0') return nil_value();
        return int_value(v);
    }
    return runtime_error(in, line, "int() of %s", type_name(argv[0]));
}

NATIVE(type) {
    UNUSED(argc);
    UNUSED(line);
    return obj_value(new_cstring(in, type_name(argv[0])));
}

NATIVE(ord) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_STRING(argv[0]) && AS_STRING(argv[0])->len == 1, "a one-character string");
    return int_value((unsigned char)AS_STRING(argv[0])->chars[0]);
}

NATIVE(chr) {
    char c;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_INT(argv[0]) && argv[0].as.integer >= 0 && argv[0].as.integer < 256,
                "an int from 0 to 255");
    c = (char)argv[0].as.integer;
    return obj_value(new_string(in, &c, 1));
}

NATIVE(substr) {
    ObjString *s;
    long from, n;
    EXPECT_TYPE(0, IS_STRING(argv[0]), "a string");
    EXPECT_TYPE(1, IS_INT(argv[1]), "an int");
    s = AS_STRING(argv[0]);
    from = normalize_index(argv[1].as.integer, s->len);
    if (argc == 3) {
        EXPECT_TYPE(2, IS_INT(argv[2]), "an int");
        n = argv[2].as.integer;
    } else {
        n = s->len - from;
    }
    if (from < 0 || from > s->len || n < 0)
        return runtime_error(in, line, "substr(%ld, %ld) of a string of %d", argv[1].as.integer, n,
                             s->len);
    n = MIN(n, s->len - from);
    return obj_value(new_string(in, s->chars + from, (int)n));
}

NATIVE(split) {
    ObjString *s, *sep;
    ObjArray *parts;
    const char *p, *hit;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_STRING(argv[0]), "a string");
    EXPECT_TYPE(1, IS_STRING(argv[1]) && AS_STRING(argv[1])->len > 0, "a non-empty string");
    s = AS_STRING(argv[0]);
    sep = AS_STRING(argv[1]);
    parts = new_array(in, 4);
    push_root(in, obj_value(parts));
    p = s->chars;
    while ((hit = strstr(p, sep->chars)) != NULL) {
        array_push(in, parts, obj_value(new_string(in, p, (int)(hit - p))));
        p = hit + sep->len;
    }
    array_push(in, parts, obj_value(new_string(in, p, (int)(s->chars + s->len - p))));
    pop_roots(in, 1);
    return obj_value(parts);
}

NATIVE(join) {
    StrBuf sb;
    ObjArray *a;
    Value result;
    int i;
    EXPECT_TYPE(0, IS_ARRAY(argv[0]), "an array");
    if (argc == 2) EXPECT_TYPE(1, IS_STRING(argv[1]), "a string");
    a = AS_ARRAY(argv[0]);
    sb_init(&sb);
    for (i = 0; i < a->len; i++) {
        if (i > 0 && argc == 2) sb_putn(&sb, AS_STRING(argv[1])->chars, AS_STRING(argv[1])->len);
        print_value(&sb, a->items[i], 0, 0);
    }
    result = obj_value(new_string(in, sb.data, sb.len));
    sb_free(&sb);
    return result;
}

NATIVE(keys) {
    ObjMap *m;
    ObjArray *a;
    int i;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_MAP(argv[0]), "a map");
    m = AS_MAP(argv[0]);
    a = new_array(in, m->count);
    for (i = 0; i < m->count; i++) array_push(in, a, obj_value(m->entries[i].key));
    return obj_value(a);
}

NATIVE(has) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_MAP(argv[0]), "a map");
    EXPECT_TYPE(1, IS_STRING(argv[1]), "a string");
    return bool_value(map_get(AS_MAP(argv[0]), AS_STRING(argv[1])) != NULL);
}

NATIVE(remove) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_MAP(argv[0]), "a map");
    EXPECT_TYPE(1, IS_STRING(argv[1]), "a string");
    return bool_value(map_remove(AS_MAP(argv[0]), AS_STRING(argv[1])));
}

NATIVE(abs) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_INT(argv[0]), "an int");
    return int_value(argv[0].as.integer < 0 ? -argv[0].as.integer : argv[0].as.integer);
}

static Value extreme(Interp *in, int argc, Value *argv, int line, int sign) {
    Value best;
    int i;
    if (argc == 1 && IS_ARRAY(argv[0])) {
        ObjArray *a = AS_ARRAY(argv[0]);
        if (a->len == 0)
            return runtime_error(in, line, "%s() of an empty array", sign < 0 ? "min" : "max");
        return extreme(in, a->len, a->items, line, sign);
    }
    best = argv[0];
    for (i = 1; i < argc; i++) {
        if (compare_values(argv[i], best) * sign > 0) best = argv[i];
    }
    return best;
}

NATIVE(min) { return extreme(in, argc, argv, line, -1); }

NATIVE(max) { return extreme(in, argc, argv, line, 1); }

NATIVE(sort) {
    ObjArray *a;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_ARRAY(argv[0]), "an array");
    a = AS_ARRAY(argv[0]);
    qsort(a->items, (size_t)a->len, sizeof(Value), compare_for_qsort);
    return argv[0];
}

static Value change_case(Interp *in, Value v, int upper) {
    ObjString *s = AS_STRING(v), *r;
    int i;
    r = new_string(in, s->chars, s->len);
    for (i = 0; i < r->len; i++)
        r->chars[i] = (char)(upper ? toupper((unsigned char)r->chars[i])
                                   : tolower((unsigned char)r->chars[i]));
    r->hash = hash_bytes(FNV_OFFSET, r->chars, r->len);
    return obj_value(r);
}

NATIVE(upper) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_STRING(argv[0]), "a string");
    return change_case(in, argv[0], 1);
}

NATIVE(lower) {
    UNUSED(argc);
    EXPECT_TYPE(0, IS_STRING(argv[0]), "a string");
    return change_case(in, argv[0], 0);
}

NATIVE(find) {
    const char *hit;
    UNUSED(argc);
    EXPECT_TYPE(0, IS_STRING(argv[0]), "a string");
    EXPECT_TYPE(1, IS_STRING(argv[1]), "a string");
    hit = strstr(AS_STRING(argv[0])->chars, AS_STRING(argv[1])->chars);
    return int_value(hit ? (long)(hit - AS_STRING(argv[0])->chars) : -1L);
}

NATIVE(range) {
    ObjArray *a;
    long i, from = 0, to;
    if (argc == 2) {
        EXPECT_TYPE(0, IS_INT(argv[0]), "an int");
        EXPECT_TYPE(1, IS_INT(argv[1]), "an int");
        from = argv[0].as.integer;
        to = argv[1].as.integer;
    } else {
        EXPECT_TYPE(0, IS_INT(argv[0]), "an int");
        to = argv[0].as.integer;
    }
    if (to - from > 100000) return runtime_error(in, line, "range() of more than 100000 numbers");
    a = new_array(in, (int)MAX(to - from, 0L));
    for (i = from; i < to; i++) array_push(in, a, int_value(i));
    return obj_value(a);
}

NATIVE(assert) {
    if (is_truthy(argv[0])) return nil_value();
    if (argc == 2 && IS_STRING(argv[1]))
        return runtime_error(in, line, "assertion failed: %s", AS_STRING(argv[1])->chars);
    return runtime_error(in, line, "assertion failed");
}

NATIVE(gc) {
    UNUSED(argc);
    UNUSED(argv);
    UNUSED(line);
    collect_garbage(in);
    return int_value((long)in->bytes_allocated);
}

static const struct {
    const char *name;
    int min_args;
    int max_args; /* -1: any number */
    NativeFn fn;
} natives[] = {
    {"len", 1, 1, native_len},     {"push", 2, -1, native_push},    {"pop", 1, 1, native_pop},
    {"str", 1, 1, native_str},     {"int", 1, 1, native_int},       {"type", 1, 1, native_type},
    {"ord", 1, 1, native_ord},     {"chr", 1, 1, native_chr},       {"substr", 2, 3, native_substr},
    {"split", 2, 2, native_split}, {"join", 1, 2, native_join},     {"keys", 1, 1, native_keys},
    {"has", 2, 2, native_has},     {"remove", 2, 2, native_remove}, {"abs", 1, 1, native_abs},
    {"min", 1, -1, native_min},    {"max", 1, -1, native_max},      {"sort", 1, 1, native_sort},
    {"upper", 1, 1, native_upper}, {"lower", 1, 1, native_lower},   {"find", 2, 2, native_find},
    {"range", 1, 2, native_range}, {"assert", 1, 2, native_assert}, {"gc", 0, 0, native_gc},
};

static void interp_init(Interp *in) {
    int i;
    memset(in, 0, sizeof *in);
    in->next_gc = GC_MIN_THRESHOLD;
    in->ret = nil_value();
    in->globals = new_env(in, NULL);
    in->env = in->globals;
    for (i = 0; i < ARRAY_LEN(natives); i++) {
        ObjNative *nat = (ObjNative *)allocate_object(in, sizeof(ObjNative), OBJ_NATIVE);
        nat->name = natives[i].name;
        nat->min_args = natives[i].min_args;
        nat->max_args = natives[i].max_args;
        nat->fn = natives[i].fn;
        env_define(in, in->globals, intern(nat->name, (int)strlen(nat->name)), obj_value(nat));
    }
}

static void interp_free(Interp *in) {
    in->globals = in->env = NULL;
    in->nroots = 0;
    free_all_objects(in);
}

/* ------------------------------------------------------------- statistics */

typedef struct {
    int scripts;
    int parse_failures;
    int runtime_failures;
    long steps;
    long calls;
    long objects;
    int collections;
    long nodes;
    size_t arena_bytes;
} Totals;

/* ------------------------------------------------------------------ scripts */

/* The scripts come on standard input, each after a line "@@ NAME". */
typedef struct {
    const char *name;
    const char *source;
} Script;

#define MAX_SCRIPTS 32

static Script scripts[MAX_SCRIPTS];
static int script_count;

/* Reads all of stdin and cuts it into scripts in place. */
static char *read_scripts(void) {
    StrBuf sb;
    char *p;
    int c;
    sb_init(&sb);
    while ((c = getchar()) != EOF) sb_putc(&sb, (char)c);
    p = sb.data;
    while (p != NULL && *p != '\0') {
        char *name, *end;
        if (strncmp(p, "@@ ", 3) != 0)
            fatal("line %d of the input: expected '@@ NAME'", script_count + 1);
        name = p + 3;
        end = strchr(name, '\n');
        if (end == NULL) fatal("script '%s' has no body", name);
        *end = '\0';
        if (script_count == MAX_SCRIPTS) fatal("more than %d scripts", MAX_SCRIPTS);
        scripts[script_count].name = name;
        scripts[script_count].source = end + 1;
        script_count++;
        p = strstr(end + 1, "\n@@ ");
        if (p != NULL) *p++ = '\0'; /* the newline that ends this script */
    }
    return sb.data;
}

/* --------------------------------------------------------------------- main */

static void run_script(const Script *s, Totals *totals) {
    Arena arena;
    Parser parser;
    Interp *in;
    Node *program;
    int i;
    arena_init(&arena);
    totals->scripts++;
    emitf("== %s ==\n", s->name);
    program = parse_program(&parser, s->source, &arena);
    totals->nodes += parser.nodes;
    totals->arena_bytes += arena.total;
    if (parser.errors > 0) {
        for (i = 0; i < MIN(parser.errors, MAX_ERRORS); i++)
            emitf("syntax error: %s\n", parser.messages[i]);
        if (parser.errors > MAX_ERRORS) emitf("(%d more errors)\n", parser.errors - MAX_ERRORS);
        totals->parse_failures++;
        goto done;
    }
    in = xmalloc(sizeof *in);
    interp_init(in);
    exec_block(in, program, in->globals);
    if (in->error) {
        emitf("runtime error: line %d: %s\n", in->error_line, in->message);
        totals->runtime_failures++;
    }
    emitf("-- %ld statements, %ld calls (deepest %d), %ld objects, %d collections\n", in->steps,
          in->calls, in->max_depth_seen, in->objects_allocated, in->collections);
    totals->steps += in->steps;
    totals->calls += in->calls;
    totals->objects += in->objects_allocated;
    totals->collections += in->collections;
    interp_free(in);
    free(in);
done:
    arena_free(&arena);
}

int main(void) {
    char *input = read_scripts();
    Totals totals;
    int i;
    memset(&totals, 0, sizeof totals);
    for (i = 0; i < script_count; i++) run_script(&scripts[i], &totals);
    emitf("== summary ==\n");
    emitf("%d scripts: %d did not parse, %d stopped with an error\n", totals.scripts,
          totals.parse_failures, totals.runtime_failures);
    emitf("%ld nodes in %lu arena bytes, %d names interned\n", totals.nodes,
          (unsigned long)totals.arena_bytes, symbol_count);
    emitf("%ld statements, %ld calls, %ld objects, %d collections\n", totals.steps, totals.calls,
          totals.objects, totals.collections);
    printf("output: %ld bytes, checksum %08x\n", output_bytes, output_hash);
    free_symbols();
    free(input);
    return totals.runtime_failures == 4 && totals.parse_failures == 1 ? 0 : 1;
}
