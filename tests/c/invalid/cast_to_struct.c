/* invalid: cast to a struct type */
struct S { int a; };

int main(void) {
    int x = 1;
    struct S s = (struct S)x; // ERROR
    return s.a;
}
