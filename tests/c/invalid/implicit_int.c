/* invalid: declaration without a type specifier (no implicit int in C99) */
static counter = 3; // ERROR

int main(void) { return 0; }
