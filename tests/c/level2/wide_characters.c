/* wide characters (out of segvm's scope: a "not supported" error) */
#include <stdio.h>
#include <wchar.h>

int main(void) {
    wchar_t s[] = L"wide";
    printf("%d\n", (int)wcslen(s));
    return 0;
}
