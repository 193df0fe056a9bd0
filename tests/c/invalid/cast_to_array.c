/* invalid: cast to an array type */
int main(void) {
    int a[2] = { 1, 2 };
    int *p = a;
    return ((int[2])p)[0]; // ERROR
}
