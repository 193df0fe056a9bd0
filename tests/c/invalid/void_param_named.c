/* invalid: parameter of type void with a name */
static int f(void x) { return 0; } // ERROR

int main(void) { return 0; }
