/* invalid: assignment to a cast expression */
int main(void) {
    long x = 0;
    (int)x = 3; // ERROR
    return (int)x;
}
