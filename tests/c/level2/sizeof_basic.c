/* sizeof of every basic type (LP64) */
#include <stdio.h>
#include <stddef.h>

int main(void) {
    printf("char %zu\n", sizeof(char));
    printf("signed char %zu unsigned char %zu\n", sizeof(signed char), sizeof(unsigned char));
    printf("short %zu unsigned short %zu\n", sizeof(short), sizeof(unsigned short));
    printf("int %zu unsigned %zu\n", sizeof(int), sizeof(unsigned));
    printf("long %zu unsigned long %zu\n", sizeof(long), sizeof(unsigned long));
    printf("long long %zu unsigned long long %zu\n", sizeof(long long), sizeof(unsigned long long));
    printf("float %zu double %zu long double %zu\n", sizeof(float), sizeof(double), sizeof(long double));
    printf("_Bool %zu\n", sizeof(_Bool));
    printf("void* %zu char* %zu int(*)(void) %zu\n", sizeof(void *), sizeof(char *), sizeof(int (*)(void)));
    printf("size_t %zu ptrdiff_t %zu wchar_t %zu\n", sizeof(size_t), sizeof(ptrdiff_t), sizeof(wchar_t));
    printf("enum %zu\n", sizeof(enum { Q }));
    printf("'a' %zu 1.0f %zu 1.0 %zu 1L %zu 1LL %zu 1u %zu\n", sizeof 'a', sizeof 1.0f, sizeof 1.0, sizeof 1L, sizeof 1LL, sizeof 1u);
    printf("\"abc\" %zu\n", sizeof "abc");
    return 0;
}
