/* invalid: integer constant too large for any type */
int main(void) {
    long long x = 123456789012345678901234; // ERROR
    return (int)x;
}
