/* invalid: increment of a const variable */
int main(void) {
    const int c = 1;
    c++; // ERROR
    return c;
}
