#ifndef __SEGVM_STDDEF_H
#define __SEGVM_STDDEF_H
#ifndef __SEGVM_SIZE_T
#define __SEGVM_SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#ifndef __SEGVM_WCHAR_T
#define __SEGVM_WCHAR_T
typedef int wchar_t;
#endif
#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
