/* invalid: file-scope variable defined twice with initializers */
int g = 1;
int g = 2; // ERROR

int main(void) { return g; }
