/* "..." includes search the including file's directory first. */
#include "include_local.h"
#include "sub/inner.h"
#include "include_local.h"
int main(void) { return LOCAL_VALUE + INNER_VALUE; }
