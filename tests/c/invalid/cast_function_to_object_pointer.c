/* invalid: a function pointer cast to an object pointer (ISO C has no such conversion) */
static int answer(void) { return 42; }

int main(void) {
    unsigned char *code = (unsigned char *)answer; // ERROR
    return code[0];
}
