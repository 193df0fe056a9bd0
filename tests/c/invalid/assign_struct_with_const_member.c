/* invalid: assignment to a struct that has a const member */
struct S { const int id; int v; };

int main(void) {
    struct S a = { 1, 2 }, b = { 3, 4 };
    a = b; // ERROR
    return a.v;
}
