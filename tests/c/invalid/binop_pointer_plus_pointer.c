/* invalid: adding two pointers */
int main(void) {
    int a[4] = { 0 };
    int *p = a, *q = a + 1;
    int *r = p + q; // ERROR
    return *r;
}
