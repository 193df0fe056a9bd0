/* invalid: subtracting pointers to different types */
int main(void) {
    int a[2];
    double d[2];
    long n = &a[1] - &d[0]; // ERROR
    return (int)n;
}
