/* invalid: main takes no parameters or (int, char **) */
int main(int argc) { // ERROR
    return argc - 1;
}
