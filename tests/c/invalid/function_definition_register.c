/* invalid: a function definition with storage class register */
register int twice(int x) { // ERROR
    return 2 * x;
}

int main(void) { return twice(0); }
