/* invalid: remainder operator applied to a double */
int main(void) {
    double d = 7.5;
    double r = d % 2; // ERROR
    return (int)r;
}
