/* invalid: assignment to a const variable */
int main(void) {
    const int c = 1;
    c = 2; // ERROR
    return c;
}
