/* invalid: a conditional expression between 'void *' and a function pointer */
static int work(void) { return 0; }

int main(int argc, char **argv) {
    void *p = argv;
    void *q = argc > 1 ? p : work; // ERROR
    return q == p;
}
