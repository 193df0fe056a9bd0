/* invalid: invalid suffix on an integer constant */
int main(void) {
    int x = 123abc; // ERROR
    return x;
}
