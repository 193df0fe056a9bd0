/* invalid: passing a struct where an int parameter is expected */
struct S { int a; };

static int g(int x) { return x; }

int main(void) {
    struct S s = { 1 };
    return g(s); // ERROR
}
