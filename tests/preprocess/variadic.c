/* Variadic macros (C99 6.10.3.1 and the GNU comma extension). */
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test) ? puts(#test) : printf(__VA_ARGS__))
#define eprintf(fmt, ...) fprintf(stderr, fmt, ## __VA_ARGS__)
#define COUNT(...) count(0, ## __VA_ARGS__)

debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x > y, "x is %d but y is %d", x, y);
eprintf("no args\n");
eprintf("%d %d\n", 1, 2);
debug();
COUNT() COUNT(a, b);
#define OPT(fmt, ...) printf(fmt __VA_OPT__(,) __VA_ARGS__)
OPT("plain\n"); OPT("%d\n", 1);
