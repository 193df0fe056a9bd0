/* invalid: member access on an int */
int main(void) {
    int x = 3;
    return x.field; // ERROR
}
