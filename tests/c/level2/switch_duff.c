/* Duff's device: case labels inside a do-while */
#include <stdio.h>

static void copy(int *to, const int *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

int main(void) {
    int src[21], dst[21] = { 0 }, i;
    for (i = 0; i < 21; i++) src[i] = i * i;
    copy(dst, src, 21);
    for (i = 0; i < 21; i++) printf("%d ", dst[i]);
    printf("\n");
    return 0;
}
