/* invalid: C++-style default argument in a parameter list */
static int f(int x = 1) { return x; } // ERROR

int main(void) { return 0; }
