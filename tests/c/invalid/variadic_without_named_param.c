/* invalid: variadic function without a named parameter */
static int f(...) { return 0; } // ERROR

int main(void) { return 0; }
