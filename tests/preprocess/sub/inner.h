#pragma once
/* Found next to this header, not next to the main file. */
#include "sibling.h"
#define INNER_VALUE (SIBLING_VALUE - 1)
const char *inner_file = __FILE__;
