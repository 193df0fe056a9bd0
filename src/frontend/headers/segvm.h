#ifndef __SEGVM_SEGVM_H
#define __SEGVM_SEGVM_H
/* segvm's own helpers, for programs that teach the address space. Guard their use with
   #ifdef __segvm__ so the program still builds with gcc. */
/* The name of the segment an address falls in: "text", "rodata", "data", "bss",
   "heap", "stack", "null guard", "gap" or "unmapped". */
const char *segvm_segment(const void *address);
#endif
