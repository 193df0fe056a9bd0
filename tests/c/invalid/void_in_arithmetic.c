/* invalid: void expression used as an arithmetic operand */
static void nothing(void) { }

int main(void) {
    return nothing() + 1; // ERROR
}
