/* Rescanning: a macro is not expanded inside its own expansion (hide sets). */
#define foo foo + 1
#define a b
#define b a
#define f(x) x * g
#define g(x) f(x)
#define AA BB
#define BB() AA
#define LPAREN (
#define F(x) [x]
foo;
a b;
f(2)(9);
BB()();
F LPAREN 1);
#define ID(x) x
ID(ID)(ID)(3);
