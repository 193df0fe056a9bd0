/* invalid: duplicate struct member name */
struct S {
    int a;
    double a; // ERROR
};

int main(void) { return 0; }
