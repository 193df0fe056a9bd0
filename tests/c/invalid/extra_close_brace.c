/* invalid: extra closing brace */
int main(void) {
    return 0;
}
} // ERROR
