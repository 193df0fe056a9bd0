/* invalid: initializing a struct A pointer from a struct B pointer */
struct A { int x; };
struct B { int x; };

int main(void) {
    struct B b = { 1 };
    struct A *pa = &b; // ERROR
    return pa->x;
}
