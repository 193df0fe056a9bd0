/* invalid: switch controlling expression of struct type */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    switch (s) { // ERROR
    default: break;
    }
    return 0;
}
