/* invalid: character constant without a closing quote */
int main(void) {
    char c = 'a; // ERROR
    return c;
}
