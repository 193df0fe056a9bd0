/* # and ## (C99 6.10.3.2, 6.10.3.3). */
#define str(x) #x
#define xstr(x) str(x)
#define cat(a, b) a ## b
#define xcat(a, b) cat(a, b)
#define VERSION 3

const char *a = str(hello   world);
const char *b = str("quoted \n" '\'');
const char *c = str();
const char *d = xstr(VERSION);
const char *e = str(VERSION);
int cat(var, 1) = cat(0x, 1F);
int xcat(var, VERSION) = cat(1, e3) > cat(, 2);
int f = cat(, );
#define LONG(x) x ## L
long g = LONG(42);
#define OP(a, b) a ## b
int h = 1 OP(<, <) 2;
