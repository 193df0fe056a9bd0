/* invalid: string literal without a closing quote */
int main(void) {
    const char *s = "never closed; // ERROR
    return 0;
}
