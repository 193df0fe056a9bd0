/* invalid: passing an argument to a function declared with (void) */
static int get(void) { return 7; }

int main(void) {
    return get(1); // ERROR
}
