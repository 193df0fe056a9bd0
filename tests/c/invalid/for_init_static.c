/* invalid: static variable declared in a for-loop initializer */
int main(void) {
    int s = 0;
    for (static int i = 0; i < 3; i++) // ERROR
        s += i;
    return s;
}
