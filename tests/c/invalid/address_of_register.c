/* invalid: taking the address of a register variable */
int main(void) {
    register int r = 5;
    int *p = &r; // ERROR
    return *p;
}
