/* invalid: initializing an int from a struct value */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    int x = s; // ERROR
    return x;
}
