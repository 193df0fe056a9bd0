/* invalid: a shift by the operand's width in a static initializer */
static unsigned mask = 1u << 32; // ERROR

int main(void) { return (int)mask; }
