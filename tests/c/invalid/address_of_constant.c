/* invalid: taking the address of a constant */
int main(void) {
    int *p = &42; // ERROR
    return *p;
}
