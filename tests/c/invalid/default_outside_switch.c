/* invalid: default label outside a switch */
int main(void) {
    int a = 1;
    while (a) {
    default: // ERROR
        a = 0;
    }
    return a;
}
