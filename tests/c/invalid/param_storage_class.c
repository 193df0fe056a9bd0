/* invalid: parameter declared static */
static int f(static int x) { return x; } // ERROR

int main(void) { return 0; }
