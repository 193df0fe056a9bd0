/* invalid: assignment with no right-hand expression */
int main(void) {
    int x;
    x = ; // ERROR
    return x;
}
