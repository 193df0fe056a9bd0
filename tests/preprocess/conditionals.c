/* Conditional inclusion: #if/#elif/#else, defined, nesting, skipped groups. */
#define LEVEL 2
#define FEATURE

#if LEVEL == 1
level_one
#elif LEVEL == 2 && defined FEATURE
level_two_with_feature
#elif LEVEL == 2
level_two
#else
other_level
#endif

#if defined(FEATURE) && !defined(MISSING)
#  ifdef FEATURE
nested_ok
#  else
nested_bad
#  endif
#endif

#ifndef MISSING
not_missing
#endif

#if 0
  Skipped groups are not expanded or diagnosed: @ ` 'x "y
  #error not reached
  #if garbage ((( 
  #endif
#elif UNDEFINED_NAME
not_taken
#else
taken_else
#endif

#if (LEVEL << 62) < 0 && -1 < 0u == 0 && '\377' < 0
arithmetic_like_gcc
#endif

#if 1 ? 2 : (1 / 0)
short_circuit
#endif
