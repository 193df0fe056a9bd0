/* invalid: use of a block-scope variable after its block */
int main(void) {
    {
        int inner = 3;
        inner++;
    }
    return inner; // ERROR
}
