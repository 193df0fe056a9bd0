/* invalid: taking the address of a non-lvalue */
int main(void) {
    int a = 1;
    int *p = &(a + 1); // ERROR
    return *p;
}
