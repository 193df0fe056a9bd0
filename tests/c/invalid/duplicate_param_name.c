/* invalid: two parameters with the same name */
static int f(int a, int a) { return a; } // ERROR

int main(void) { return 0; }
