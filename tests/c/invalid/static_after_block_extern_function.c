/* invalid: a static function after a block-scope declaration with external linkage */
int main(void) {
    int helper(void);
    return helper();
}

static int helper(void) { // ERROR
    return 0;
}
