#ifndef __SEGVM_STDIO_H
#define __SEGVM_STDIO_H
/* Only what glibc's <stdio.h> gives a strict C99 program: size_t and NULL, not the rest
   of <stddef.h> or <stdarg.h>. */
#ifndef __SEGVM_SIZE_T
#define __SEGVM_SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
#define NULL ((void *)0)
typedef struct __segvm_file FILE;
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define EOF (-1)
#define BUFSIZ 8192
int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
int vprintf(const char *format, __builtin_va_list ap);
int vfprintf(FILE *stream, const char *format, __builtin_va_list ap);
int vsprintf(char *str, const char *format, __builtin_va_list ap);
int vsnprintf(char *str, size_t size, const char *format, __builtin_va_list ap);
int scanf(const char *format, ...);
int sscanf(const char *str, const char *format, ...);
int putchar(int c);
int puts(const char *s);
int fputs(const char *s, FILE *stream);
int fputc(int c, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream);
int putc(int c, FILE *stream);
int getchar(void);
int fgetc(FILE *stream);
int getc(FILE *stream);
char *fgets(char *s, int size, FILE *stream);
int fflush(FILE *stream);
void perror(const char *s);
#endif
