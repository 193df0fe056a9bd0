/* invalid: assignment to a const pointer object */
int main(void) {
    int a = 1, b = 2;
    int *const p = &a;
    p = &b; // ERROR
    return *p;
}
