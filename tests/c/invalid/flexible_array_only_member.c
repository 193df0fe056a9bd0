/* invalid: flexible array member as the only member */
struct S {
    int data[]; // ERROR
};

int main(void) { return 0; }
