/* invalid: a cast yields a value even to its operand's own type */
int main(void) {
    long x = 0;
    long *p = &(long)x; // ERROR
    return (int)*p;
}
