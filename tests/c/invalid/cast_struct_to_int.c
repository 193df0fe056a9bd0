/* invalid: cast of a struct value to int */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    return (int)s; // ERROR
}
