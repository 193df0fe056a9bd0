/* invalid: assigning one struct type to another */
struct A { int x; };
struct B { int x; };

int main(void) {
    struct A a = { 1 };
    struct B b;
    b = a; // ERROR
    return b.x;
}
