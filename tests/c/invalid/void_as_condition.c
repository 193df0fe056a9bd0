/* invalid: void expression used as a condition */
static void nothing(void) { }

int main(void) {
    if (nothing()) // ERROR
        return 1;
    return 0;
}
