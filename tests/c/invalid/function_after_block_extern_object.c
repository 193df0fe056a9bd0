/* invalid: a function with the name of an object declared extern in a block */
static int get(void) {
    extern double limit;
    return (int)limit;
}

static int limit(int x) { // ERROR
    return x + get();
}

int main(void) { return limit(0); }
