/* invalid: logical not applied to a struct */
struct S { int a; };

int main(void) {
    struct S s = { 0 };
    return !s; // ERROR
}
