/* invalid: a case label whose constant division overflows (LONG_MIN % -1) */
#include <limits.h>
int main(void) {
  long n = 0;
  switch (n) {
  case LONG_MIN % -1L: // ERROR
    return 1;
  }
  return 0;
}
