/* invalid: case label outside a switch */
int main(void) {
    int a = 1;
    if (a) {
    case 1: // ERROR
        a = 2;
    }
    return a;
}
