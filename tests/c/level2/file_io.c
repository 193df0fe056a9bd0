/* files other than stdin, stdout and stderr (out of segvm's scope: a "not supported"
   error) */
#include <stdio.h>

int main(void) {
    FILE *f = fopen("segvm-file-io-test.txt", "w");
    if (f) {
        fputs("text\n", f);
        fclose(f);
        remove("segvm-file-io-test.txt");
    }
    printf("done\n");
    return 0;
}
