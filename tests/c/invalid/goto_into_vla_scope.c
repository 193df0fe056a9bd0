/* invalid: goto jumping into the scope of a variable length array */
int main(void) {
    int n = 3;
    goto inside; // ERROR
    {
        int vla[n];
inside:
        vla[0] = 1;
        return vla[0];
    }
}
