/* invalid: -> applied to a struct, not a pointer */
struct P { int x; };

int main(void) {
    struct P p = { 1 };
    return p->x; // ERROR
}
