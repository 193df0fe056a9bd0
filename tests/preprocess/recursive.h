#include "recursive.h"
#include "recursive.h"
