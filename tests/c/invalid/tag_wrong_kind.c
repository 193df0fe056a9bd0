/* invalid: a struct tag reused as a union tag */
struct T { int a; };
union T u; // ERROR

int main(void) { return 0; }
