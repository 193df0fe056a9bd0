/* invalid: label followed by a declaration instead of a statement */
int main(void) {
    goto here;
here:
    int x = 1; // ERROR
    return x;
}
