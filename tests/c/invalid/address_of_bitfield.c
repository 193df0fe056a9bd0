/* invalid: taking the address of a bit-field */
struct S { unsigned b : 3; };

int main(void) {
    struct S s = { 1 };
    unsigned *p = &s.b; // ERROR
    return (int)*p;
}
