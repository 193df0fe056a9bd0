/* invalid: assigning an int to a struct variable */
struct S { int a; };

int main(void) {
    struct S s;
    s = 5; // ERROR
    return s.a;
}
