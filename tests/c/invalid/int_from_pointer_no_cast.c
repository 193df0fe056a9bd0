/* invalid: initializing an int from a pointer without a cast */
int main(void) {
    int v = 3;
    int *p = &v;
    int x = p; // ERROR
    return x;
}
