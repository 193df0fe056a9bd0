/* Malformed definitions are rejected; redefinitions must match. */
#define
#define 42 x
#define defined
#define F(x
#define G(x, x) x
#define H(x) #y
#define I ## x
#define NAME 1
#define NAME 2
#define NAME 2
#undef
#undef NAME extra
#define J(a) a
J(1, 2)
J()
