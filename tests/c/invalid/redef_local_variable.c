/* invalid: variable declared twice in the same block */
int main(void) {
    int a = 1;
    int a = 2; // ERROR
    return a;
}
