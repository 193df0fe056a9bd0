/* invalid: struct used as an if condition */
struct S { int a; };

int main(void) {
    struct S s = { 0 };
    if (s) // ERROR
        return 1;
    return 0;
}
