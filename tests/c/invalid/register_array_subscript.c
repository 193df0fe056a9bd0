/* invalid: subscripting an array declared register (it has no address) */
int main(void) {
    register int a[2] = {1, 2};
    return a[0] - 1; // ERROR
}
