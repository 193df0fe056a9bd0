/* invalid: shifting 1 into the sign bit is no integer constant expression */
int main(void) {
    int x = 0;
    switch (x) {
    case 1 << 31: // ERROR
        return 1;
    }
    return 0;
}
