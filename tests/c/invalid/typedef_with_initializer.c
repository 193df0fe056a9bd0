/* invalid: typedef declaration with an initializer */
typedef int T = 5; // ERROR

int main(void) { return 0; }
