/* invalid: multiplying a pointer by an int */
int main(void) {
    int a[4] = { 0 };
    int *p = a;
    long x = p * 2; // ERROR
    return (int)x;
}
