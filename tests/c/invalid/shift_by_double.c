/* invalid: shift count of floating type */
int main(void) {
    int v = 1;
    int x = v << 1.5; // ERROR
    return x;
}
