/* invalid: case label of floating type */
int main(void) {
    int x = 1;
    switch (x) {
    case 1.5: return 1; // ERROR
    }
    return 0;
}
