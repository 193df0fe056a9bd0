/* invalid: bitwise and on a double operand */
int main(void) {
    double d = 3.0;
    int x = d & 1; // ERROR
    return x;
}
