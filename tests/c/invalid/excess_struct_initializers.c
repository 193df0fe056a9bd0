/* invalid: more initializers than struct members */
struct P { int x, y; };

int main(void) {
    struct P p = { 1, 2, 3 }; // ERROR
    return p.x;
}
