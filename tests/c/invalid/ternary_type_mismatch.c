/* invalid: conditional operator with struct and int operands */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    int c = 1;
    int x = (c ? s : 1).a; // ERROR
    return x;
}
