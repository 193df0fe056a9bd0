/* invalid: binary integer constant is not C99 */
int main(void) {
    int x = 0b101; // ERROR
    return x;
}
