/* Bad #if expressions: each reports one error, and the group is skipped. */
#if 1 / 0
a
#endif
#if
b
#endif
#if 1 +
c
#endif
#if (1
d
#endif
#if 1 2
e
#endif
#if 1.5
f
#endif
#if defined(
g
#else
after_error_else_is_taken
#endif
#elif 1
#endif
