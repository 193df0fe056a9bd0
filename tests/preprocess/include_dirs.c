// pp-options: -I tests/preprocess/inc -D FROM_COMMAND_LINE -D ANSWER=42
/* -I directories, <...> and macro-named includes, #pragma once, built-in headers. */
#include <lib.h>
#include "lib.h"
#define HEADER <lib.h>
#include HEADER
#define QUOTED "lib.h"
#include QUOTED
#include <stdbool.h>
bool ok = LIB_VALUE == ANSWER && FROM_COMMAND_LINE;
int level = __INCLUDE_LEVEL__;
