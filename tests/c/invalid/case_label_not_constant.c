/* invalid: case label that is not a constant expression */
int main(void) {
    int x = 1, y = 1;
    switch (x) {
    case y: return 1; // ERROR
    }
    return 0;
}
