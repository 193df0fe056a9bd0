/* invalid: . applied to a pointer to struct */
struct P { int x; };

int main(void) {
    struct P p = { 1 };
    struct P *pp = &p;
    return pp.x; // ERROR
}
