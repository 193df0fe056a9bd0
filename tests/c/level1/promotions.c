/* Integer promotions: char and short operands become int before arithmetic. */
#include "test.h"

int main(void) {
  char c = 100, cm = -128, cn = -1;
  signed char sc = 127;
  unsigned char uc = 200, uz = 0, u1 = 1;
  short s = 30000;
  unsigned short us = 65535;

  ASSERT(1, sizeof(c));
  ASSERT(4, sizeof(c + c));
  ASSERT(4, sizeof(+c));
  ASSERT(4, sizeof(-c));
  ASSERT(4, sizeof(~c));
  ASSERT(4, sizeof(!c));
  ASSERT(4, sizeof(c << 1));
  ASSERT(4, sizeof(uc + uc));
  ASSERT(4, sizeof(s + s));
  ASSERT(4, sizeof(us * 1));
  ASSERT(4, sizeof('a' + c));
  ASSERT(2, sizeof(s));
  ASSERT(200, c + c);
  ASSERT(10000, c * c);
  ASSERT(16384, cm * cm);
  ASSERT(128, -cm);
  ASSERT(128, sc + 1);
  ASSERT(-129, cm - 1);
  ASSERT(400, uc + uc);
  ASSERT(40000, uc * uc);
  ASSERT(144, (unsigned char)(uc + uc));
  ASSERT(-201, ~uc);
  ASSERT(-1, uc - 201);
  ASSERT(1, uc - 201 < 0);
  ASSERT(-1, uz - 1);
  ASSERT(-1, ~uz);
  ASSERT(-200, -uc);
  ASSERT(60000, s + s);
  ASSERT(-60000, -s - s);
  ASSERT(65536, us + 1);
  ASSERT(65535, us + 0);
  ASSERT(-65535, -us);
  ASSERT(-65536, ~us);
  ASSERT(0, cn == 255);
  ASSERT(1, cn == -1);
  ASSERT(1, (unsigned char)cn == 255);
  ASSERT(128, cm & 0xff);
  ASSERT(-128, cm | 0);
  ASSERT(-1, cm >> 7);
  ASSERT(1, (unsigned char)128 >> 7);
  ASSERT(256, u1 << 8);
  ASSERT(1048576, (char)1 << 20);
  ASSERT(1, 'a' + 1 == 'b');
  ASSERT(1, c / 3 == 33);
  ASSERT(-42, cm / 3);
  ASSERT(-2, cm % 3);
  ASSERT(0, uc > 300);
  ASSERT(1, uc > 199);
  ASSERT(1, uc > cm);
  ASSERT(1, us > cn);
  ASSERT(273, (char)(uc + 1) + 528 - 200);
  ASSERT(1, -uc < 0);
  ASSERT(1, (char)127 + (char)1 == 128);
  ASSERT(-2, cn + cn);
  ASSERT(510, (unsigned char)cn + (unsigned char)cn);
  printf("OK\n");
  return 0;
}
