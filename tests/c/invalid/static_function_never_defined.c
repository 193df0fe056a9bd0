/* invalid: a static function is called but never defined */
static int helper(int x); // ERROR

int main(void) { return helper(0); }
