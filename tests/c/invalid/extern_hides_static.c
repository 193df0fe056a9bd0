/* invalid: an extern declaration that cannot see the file's static object of that name */
static int level = 1;

int main(void) {
    int level = 2;
    {
        extern int level; // ERROR
        return level;
    }
}
