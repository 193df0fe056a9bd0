/* invalid: case values equal after constant folding */
int main(void) {
    int x = 4;
    switch (x) {
    case 4: return 1;
    case 2 + 2: return 2; // ERROR
    }
    return 0;
}
