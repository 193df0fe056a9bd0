/* invalid: typedef redefined with a different type */
typedef int T;
typedef long T; // ERROR

int main(void) { return 0; }
