/* invalid: comparing two structs with == */
struct S { int a; };

int main(void) {
    struct S a = { 1 }, b = { 1 };
    return a == b; // ERROR
}
