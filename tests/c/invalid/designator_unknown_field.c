/* invalid: designator naming a field the struct does not have */
struct P { int x, y; };

int main(void) {
    struct P p = { .z = 1 }; // ERROR
    return p.x;
}
