/* invalid: main's second parameter must be char ** */
int main(int argc, char *argv) { // ERROR
    return argc + argv[0];
}
