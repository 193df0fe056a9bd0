/* invalid: file-scope variable initialized by a function call */
static int f(void) { return 1; }
int g = f(); // ERROR

int main(void) { return g; }
