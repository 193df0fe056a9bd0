/* invalid: macro with a duplicate parameter name */
#define F(a, a) (a) // ERROR

int main(void) { return 0; }
