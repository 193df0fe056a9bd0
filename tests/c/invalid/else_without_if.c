/* invalid: else without a matching if */
int main(void) {
    int x = 1;
    x++;
    else x--; // ERROR
    return x;
}
