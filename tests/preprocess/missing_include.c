/* A missing header is an error at the #include; the rest is still preprocessed. */
#include "does_not_exist.h"
#include <nor_this.h>
#include
#include nonsense
int still_here;
