/* invalid: dividing a pointer by an int */
int main(void) {
    char buf[4];
    char *p = buf;
    long x = p / 2; // ERROR
    return (int)x;
}
