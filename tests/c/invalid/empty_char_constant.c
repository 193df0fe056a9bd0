/* invalid: empty character constant */
int main(void) {
    char c = ''; // ERROR
    return c;
}
