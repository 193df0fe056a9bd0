/* invalid: a trailing comma after the last declarator */
int a, b, ; // ERROR

int main(void) { return a + b; }
