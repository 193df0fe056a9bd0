/* Runaway #include recursion stops at the depth limit with one error. */
#include "recursive.h"
