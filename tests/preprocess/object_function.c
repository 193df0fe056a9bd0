/* Object-like and function-like macros, nesting, and spacing of the result. */
#define SIZE 16
#define TWICE(x) (2 * (x))
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define EMPTY
#define CALL(f, arg) f(arg)

int buf[SIZE];
int y = TWICE(SIZE) + SQUARE(y + 1);
int z = MAX(TWICE(1), SQUARE(3));
int w = CALL(TWICE, 5) EMPTY;
int v = CALL(SQUARE, MAX(1, 2));
#define f(x) x + 1
int u = f
    (2) + f;
int t = MAX(
    1,
    2);
