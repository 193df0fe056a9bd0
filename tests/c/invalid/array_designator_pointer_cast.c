/* invalid: a pointer cast inside an array designator's integer constant expression */
int main(void) {
    int a[4] = { [1 && (int *)0] = 1 }; // ERROR
    return a[0];
}
