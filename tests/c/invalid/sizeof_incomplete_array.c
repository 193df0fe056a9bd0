/* invalid: sizeof applied to an array of unknown size */
extern int table[];

int main(void) {
    return (int)sizeof table; // ERROR
}
