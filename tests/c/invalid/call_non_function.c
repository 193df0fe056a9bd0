/* invalid: calling an int variable */
int main(void) {
    int f = 3;
    return f(2); // ERROR
}
