/* invalid: a block-scope extern object with the name of a function */
static int helper(void) { return 1; }

int main(void) {
    extern double helper; // ERROR
    return (int)helper;
}
