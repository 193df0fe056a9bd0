/* invalid: flexible array member not at the end of the struct */
struct S {
    int n;
    int data[]; // ERROR
    int after;
};

int main(void) { return 0; }
