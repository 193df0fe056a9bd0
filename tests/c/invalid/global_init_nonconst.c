/* invalid: file-scope variable with a non-constant initializer */
int x = 3;
int y = x + 1; // ERROR

int main(void) { return y; }
