/* segvm's C runtime: the parts of the C library written in C. It is compiled with every
   program; only the functions the program reaches are linked into its text segment. The
   program's own definition of a name wins over the one here. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A FILE holds its descriptor; the stdio functions read it to pick the stream. */
struct __segvm_file {
    int fd;
};

static FILE __segvm_streams[3] = {{0}, {1}, {2}};
FILE *stdin = &__segvm_streams[0];
FILE *stdout = &__segvm_streams[1];
FILE *stderr = &__segvm_streams[2];

int errno;

/* exit runs the functions registered with atexit, last first, then ends the program. */
static void (*__segvm_atexit_fns[32])(void);
static int __segvm_atexit_count;

int atexit(void (*function)(void)) {
    if (__segvm_atexit_count == 32)
        return -1;
    __segvm_atexit_fns[__segvm_atexit_count++] = function;
    return 0;
}

void exit(int status) {
    while (__segvm_atexit_count > 0)
        __segvm_atexit_fns[--__segvm_atexit_count]();
    _Exit(status);
}

int __segvm_segment_id(const void *address);

const char *segvm_segment(const void *address) {
    static const char *const names[] = {"null guard", "text",  "rodata",  "data",
                                        "bss",        "heap",  "gap",     "stack",
                                        "unmapped",   "data load image"};
    return names[__segvm_segment_id(address)];
}

/* Start-up code of the embedded layout, run before main (as a microcontroller's reset
   handler is). At reset RAM holds garbage: the initial values of .data are kept in FLASH,
   at the load address __data_load, and copied to where .data runs; .bss is zeroed. The
   linker defines these names at the segments' boundaries (4-byte aligned): only their
   addresses mean anything. */
extern unsigned int __data_load[], __data_start[], __data_end[];
extern unsigned int __bss_start[], __bss_end[];

void Reset_Handler(void) {
    const unsigned int *src = __data_load;
    unsigned int *dst = __data_start;
    while (dst < __data_end)
        *dst++ = *src++;
    for (dst = __bss_start; dst < __bss_end; dst++)
        *dst = 0;
}

/* Merges two sorted runs of `base` through `tmp`; equal elements keep their order. */
static void __segvm_merge(char *base, char *tmp, size_t left, size_t right, size_t size,
                          int (*compar)(const void *, const void *)) {
    char *a = base;
    char *b = base + left * size;
    char *out = tmp;
    size_t i = 0, j = 0;
    while (i < left && j < right) {
        if (compar(a + i * size, b + j * size) <= 0) {
            memcpy(out, a + i * size, size);
            i++;
        } else {
            memcpy(out, b + j * size, size);
            j++;
        }
        out += size;
    }
    memcpy(out, a + i * size, (left - i) * size);
    out += (left - i) * size;
    memcpy(out, b + j * size, (right - j) * size);
    memcpy(base, tmp, (left + right) * size);
}

static void __segvm_msort(char *base, char *tmp, size_t n, size_t size,
                          int (*compar)(const void *, const void *)) {
    size_t half;
    if (n <= 1)
        return;
    half = n / 2;
    __segvm_msort(base, tmp, half, size, compar);
    __segvm_msort(base + half * size, tmp, n - half, size, compar);
    __segvm_merge(base, tmp, half, n - half, size, compar);
}

/* A stable merge sort, as glibc's qsort is when it can get a buffer. */
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *)) {
    char small[1024];
    char *tmp = small;
    if (nmemb * size > sizeof small) {
        tmp = malloc(nmemb * size);
        if (tmp == NULL)
            return;
    }
    __segvm_msort(base, tmp, nmemb, size, compar);
    if (tmp != small)
        free(tmp);
}

/* fwrite writes byte by byte through fputc (under --check, fputc reports bytes that were
   never initialized). */
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream) {
    const unsigned char *p = ptr;
    if (size == 0)
        return 0;
    for (size_t i = 0; i < nmemb; i++)
        for (size_t j = 0; j < size; j++)
            if (fputc(*p++, stream) == EOF)
                return i;
    return nmemb;
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *)) {
    size_t lo = 0, hi = nmemb;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *p = (const char *)base + mid * size;
        int c = compar(key, p);
        if (c == 0)
            return (void *)p;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
