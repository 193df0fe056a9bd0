/* invalid: continue inside a switch that is not inside a loop */
int main(void) {
    int a = 1;
    switch (a) {
    case 1:
        continue; // ERROR
    }
    return 0;
}
