/* invalid: static declaration follows a non-static one */
int f(void);
static int f(void) { return 1; } // ERROR

int main(void) { return f(); }
