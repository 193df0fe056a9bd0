/* invalid: value of a void function used in an initializer */
static void nothing(void) { }

int main(void) {
    int x = nothing(); // ERROR
    return x;
}
