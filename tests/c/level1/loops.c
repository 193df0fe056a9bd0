/* while, do-while, for; break and continue in every loop kind, nested. */
#include "test.h"

static int while_sum(int n) {
  int s = 0, i = 0;
  while (i <= n) {
    s += i;
    i++;
  }
  return s;
}
static int do_once(int n) {
  int count = 0;
  do
    count++;
  while (n--> 100);
  return count;
}
static int do_continue(void) {
  int i = 0, s = 0;
  do {
    i++;
    if (i % 2)
      continue;
    s += i;
  } while (i < 10);
  return s;
}
static int while_continue(void) {
  int i = 0, s = 0;
  while (i < 10) {
    i++;
    if (i % 3 == 0)
      continue;
    s += i;
  }
  return s;
}
static int for_break(void) {
  int i;
  for (i = 0; i < 100; i++)
    if (i * i > 50)
      break;
  return i;
}
static int while_break(void) {
  int i = 0;
  while (1) {
    if (++i == 7)
      break;
  }
  return i;
}
static int do_break(void) {
  int i = 0;
  do {
    if (i == 4)
      break;
    i++;
  } while (1);
  return i;
}
static int nested_break(void) {
  int i, j, count = 0;
  for (i = 0; i < 5; i++) {
    for (j = 0; j < 5; j++) {
      if (j == 2)
        break;
      count++;
    }
    count += 100;
  }
  return count;
}
static int nested_continue(void) {
  int i, j, count = 0;
  for (i = 0; i < 4; i++) {
    if (i == 1)
      continue;
    for (j = 0; j < 4; j++) {
      if (j == i)
        continue;
      count += 10 * i + j;
    }
  }
  return count;
}
static int triple(void) {
  int i, j, k, n = 0;
  for (i = 0; i < 3; i++)
    for (j = 0; j < 3; j++)
      for (k = 0; k < 3; k++) {
        if (k > j)
          break;
        if (i == j)
          continue;
        n++;
      }
  return n;
}

int main(void) {
  int i, j, n;
  unsigned u;
  char c;
  int a[5] = {1, 2, 3, 4, 5};
  int *p;

  ASSERT(55, while_sum(10));
  ASSERT(0, while_sum(0));
  ASSERT(1, do_once(0));
  ASSERT(3, do_once(102));
  ASSERT(30, do_continue());
  ASSERT(37, while_continue());
  ASSERT(8, for_break());
  ASSERT(7, while_break());
  ASSERT(4, do_break());
  ASSERT(510, nested_break());
  ASSERT(163, nested_continue());
  ASSERT(12, triple());

  n = 0;
  for (i = 0; i < 10; i++)
    n += i;
  ASSERT(45, n);
  ASSERT(10, i);
  n = 0;
  for (int k = 0; k < 5; k++)
    n += k;
  ASSERT(10, n);
  n = 0;
  for (int k = 10, m = 0; k > m; k--, m++)
    n++;
  ASSERT(5, n);
  i = 0;
  for (;;) {
    if (i == 3)
      break;
    i++;
  }
  ASSERT(3, i);
  i = 0;
  for (; i < 5;)
    i += 2;
  ASSERT(6, i);
  n = 0;
  for (i = 0, j = 10; i < j; i++, j--)
    n++;
  ASSERT(5, n);
  n = 0;
  for (i = 0; i < 10; i++) {
    if (i % 2 == 0)
      continue;
    n += i;
  }
  ASSERT(25, n);
  n = 5;
  i = 0;
  while (n--)
    i++;
  ASSERT(5, i);
  ASSERT(-1, n);
  n = 0;
  while (0)
    n = 1;
  ASSERT(0, n);
  n = 0;
  for (u = 3; u != (unsigned)-1; u--)
    n++;
  ASSERT(4, n);
  n = 0;
  for (u = 10; u < 20; u += 3)
    n++;
  ASSERT(4, n);
  n = 0;
  for (c = 'a'; c <= 'z'; c++)
    n++;
  ASSERT(26, n);
  n = 0;
  for (p = a; p < a + 5; p++)
    n += *p;
  ASSERT(15, n);
  n = 0;
  p = a + 5;
  while (p > a)
    n = n * 10 + *--p;
  ASSERT(54321, n);
  n = 0;
  i = 0;
  do
    n += i;
  while (++i < 5);
  ASSERT(10, n);
  for (i = 0; i < 3; i++)
    ;
  ASSERT(3, i);
  i = 0;
  while (i < 100)
    if (++i == 50)
      break;
  ASSERT(50, i);
  n = 0;
  for (i = 0; i < 5; i++) {
    j = 0;
    while (j < i) {
      j++;
      if (j == 3)
        continue;
      n++;
    }
  }
  ASSERT(8, n);
  printf("OK\n");
  return 0;
}
