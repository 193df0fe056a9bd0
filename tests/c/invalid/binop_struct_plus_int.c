/* invalid: adding an int to a struct */
struct S { int a; };

int main(void) {
    struct S s = { 1 };
    int x = s + 1; // ERROR
    return x;
}
