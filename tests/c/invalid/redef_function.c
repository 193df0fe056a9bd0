/* invalid: function defined twice */
static int f(void) { return 1; }
static int f(void) { return 2; } // ERROR

int main(void) { return f(); }
