#ifndef __SEGVM_STDARG_H
#define __SEGVM_STDARG_H
/* Every argument of a call sits in its own 8-byte slot (structs: their size rounded up
   to 8) in the caller's outgoing area, so a va_list is just a pointer that walks them
   (to a type of its own, so that it converts to no other pointer). */
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(dst, src) __builtin_va_copy(dst, src)
#endif
