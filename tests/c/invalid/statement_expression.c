/* invalid: GNU statement expression is not standard C */
int main(void) {
    int x = ({ 1; }); // ERROR
    return x;
}
