/* invalid: typedef name used as an expression */
typedef int T;

int main(void) {
    int x = T + 1; // ERROR
    return x;
}
