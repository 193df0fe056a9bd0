/* invalid: returning a struct from a function returning int */
struct S { int a; };

int f(void) {
    struct S s = { 1 };
    return s; // ERROR
}

int main(void) { return f(); }
