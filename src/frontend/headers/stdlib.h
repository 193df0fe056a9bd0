#ifndef __SEGVM_STDLIB_H
#define __SEGVM_STDLIB_H
/* Of <stddef.h>: what glibc's <stdlib.h> defines too. */
#ifndef __SEGVM_SIZE_T
#define __SEGVM_SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
#ifndef __SEGVM_WCHAR_T
#define __SEGVM_WCHAR_T
typedef int wchar_t;
#endif
#define NULL ((void *)0)
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
void exit(int status);
void _Exit(int status);
int atexit(void (*function)(void));
void abort(void);
int abs(int j);
long labs(long j);
long long llabs(long long j);
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
int atoi(const char *nptr);
long atol(const char *nptr);
long long atoll(const char *nptr);
double atof(const char *nptr);
long strtol(const char *nptr, char **endptr, int base);
unsigned long strtoul(const char *nptr, char **endptr, int base);
long long strtoll(const char *nptr, char **endptr, int base);
unsigned long long strtoull(const char *nptr, char **endptr, int base);
double strtod(const char *nptr, char **endptr);
int rand(void);
void srand(unsigned int seed);
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *));
char *getenv(const char *name);
#endif
