/* invalid: comparing a pointer with a nonzero integer */
int main(void) {
    int v = 0;
    int *p = &v;
    if (p == 5) // ERROR
        return 1;
    return 0;
}
