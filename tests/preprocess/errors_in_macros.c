/* Errors inside macro expansions point at the use, with a note into the macro. */
#define AT @
#define PASTE(a, b) a ## b
#define PAIR(a, b) { a, b }
#define ONE PAIR(1)
#define DIV(x) (x / 0)
int a = AT;
int b = PASTE(+, /);
int c[] = ONE;
int d = PAIR(1, 2, 3);
#if DIV(1)
#endif
