/* invalid: calling a struct value */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    return s(); // ERROR
}
