/* header with an include guard, included twice by pp_include_guard.c */
#ifndef PP_GUARD_H
#define PP_GUARD_H

struct GuardPoint { int x, y; };
static int guard_count = 5;
#define GUARD_MAGIC 77

#endif
