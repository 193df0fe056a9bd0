/* stdint.h exact-width types, limits and constant macros */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

int main(void) {
    int8_t a = INT8_MIN;
    uint8_t b = UINT8_MAX;
    int16_t c = INT16_MIN;
    uint16_t d = UINT16_MAX;
    int32_t e = INT32_MIN;
    uint32_t f = UINT32_MAX;
    int64_t g = INT64_MIN;
    uint64_t h = UINT64_MAX;
    printf("%d %d %d %d\n", a, b, c, d);
    printf("%" PRId32 " %" PRIu32 "\n", e, f);
    printf("%" PRId64 " %" PRIu64 " %" PRIx64 "\n", g, h, h);
    printf("%zu %zu %zu %zu\n", sizeof(int8_t), sizeof(int16_t), sizeof(int32_t), sizeof(int64_t));
    printf("%zu %zu %zu\n", sizeof(intptr_t), sizeof(intmax_t), sizeof(uint_least16_t));
    printf("%" PRId64 " %" PRIu64 "\n", INT64_C(-5000000000), UINT64_C(1) << 40);
    printf("%jd %ju\n", INTMAX_MAX, UINTMAX_MAX);
    printf("%d\n", INT8_MAX + INT16_MAX);
    uint8_t w = 255;
    w++;
    printf("%d\n", w);
    printf("%lu\n", (unsigned long)SIZE_MAX);
    return 0;
}
