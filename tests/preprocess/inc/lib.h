#pragma once
#define LIB_VALUE 42
int lib_level = __INCLUDE_LEVEL__;
const char *lib_file = __FILE__;
