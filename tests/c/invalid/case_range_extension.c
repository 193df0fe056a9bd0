/* invalid: GNU case range is not standard C */
int main(void) {
    int x = 2;
    switch (x) {
    case 1 ... 3: return 1; // ERROR
    }
    return 0;
}
