/* invalid: comment that is never closed */
int main(void) {
    return 0;
}
/* this comment never ends // ERROR
int unused;
