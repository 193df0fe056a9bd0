/* invalid: label at the end of a compound statement */
int main(void) {
    int x = 0;
    if (x) {
        x = 1;
    end: // ERROR
    }
    return x;
}
