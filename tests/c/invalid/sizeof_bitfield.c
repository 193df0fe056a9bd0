/* invalid: sizeof applied to a bit-field */
struct S { unsigned b : 3; };

int main(void) {
    struct S s = { 1 };
    return (int)sizeof s.b; // ERROR
}
