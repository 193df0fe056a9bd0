/* invalid: assignment to a const struct member */
struct S { const int id; int v; };

int main(void) {
    struct S s = { 1, 2 };
    s.id = 5; // ERROR
    return s.v;
}
