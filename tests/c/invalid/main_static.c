/* invalid: main must have external linkage */
static int main(void) { // ERROR
    return 0;
}
