/* invalid: string initializer longer than the char array */
int main(void) {
    char s[2] = "abc"; // ERROR
    return s[0];
}
