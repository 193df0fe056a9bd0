/* invalid: call of an undeclared function (no implicit declarations) */
int main(void) {
    int r = compute(3); // ERROR
    return r;
}
