/* invalid: a function definition whose return type is a qualified void */
const void nothing(void) { // ERROR
}

int main(void) {
    nothing();
    return 0;
}
