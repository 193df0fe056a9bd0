/* String literals: type char[N], indexing, concatenation, char arrays. */
#include "test.h"

static int my_strlen(char *s) {
  int n = 0;
  while (*s++)
    n++;
  return n;
}
static int my_strcmp(char *a, char *b) {
  while (*a && *a == *b) {
    a++;
    b++;
  }
  return *a - *b;
}
static void my_strcpy(char *dst, char *src) {
  while ((*dst++ = *src++))
    ;
}
static char *skip(char *s, int n) { return s + n; }

int main(void) {
  char *s = "hello";
  char buf[16];
  char arr[] = "world";
  char *list[] = {"a", "bc", "def", ""};
  char empty[] = "";

  ASSERT(97, "abc"[0]);
  ASSERT(98, "abc"[1]);
  ASSERT(99, "abc"[2]);
  ASSERT(0, "abc"[3]);
  ASSERT(4, sizeof("abc"));
  ASSERT(1, sizeof(""));
  ASSERT(6, sizeof "hello");
  ASSERT('x', *"xyz");
  ASSERT('z', *("xyz" + 2));
  ASSERT('y', 1["xyz"]);
  ASSERT(0, ""[0]);
  ASSERT(5, sizeof("ab" "cd"));
  ASSERT('c', ("ab" "cd")[2]);
  ASSERT(0, ("ab" "cd")[4]);
  ASSERT(7, sizeof("a" "b" "c" "" "def"));
  ASSERT('d', ("a" "b" "c" "" "def")[3]);
  ASSERT(4, sizeof("a\0b"));
  ASSERT(0, "a\0b"[1]);
  ASSERT('b', "a\0b"[2]);
  ASSERT(8, sizeof(s));
  ASSERT('h', *s);
  ASSERT('o', s[4]);
  ASSERT(0, s[5]);
  ASSERT(5, my_strlen(s));
  ASSERT(0, my_strlen(""));
  ASSERT(11, my_strlen("hello" " " "world"));
  ASSERT(3, my_strlen(skip(s, 2)));
  ASSERT('l', *skip(s, 3));
  ASSERT(0, my_strcmp("abc", "abc"));
  ASSERT(-1, my_strcmp("abc", "abd"));
  ASSERT(1, my_strcmp("b", "a"));
  ASSERT(99, my_strcmp("abc", "ab"));
  ASSERT(6, sizeof arr);
  ASSERT('w', arr[0]);
  arr[0] = 'W';
  ASSERT('W', arr[0]);
  ASSERT(5, my_strlen(arr));
  my_strcpy(buf, "copy");
  ASSERT(4, my_strlen(buf));
  ASSERT('y', buf[3]);
  ASSERT(0, buf[4]);
  my_strcpy(buf + 4, arr);
  ASSERT(9, my_strlen(buf));
  ASSERT('W', buf[4]);
  ASSERT(0, my_strcmp(buf, "copyWorld"));
  ASSERT(32, sizeof list);
  ASSERT('a', *list[0]);
  ASSERT('c', list[1][1]);
  ASSERT(3, my_strlen(list[2]));
  ASSERT(0, list[3][0]);
  ASSERT(1, sizeof empty);
  ASSERT(0, empty[0]);
  ASSERT(1, s[0] == 'h' && s[1] == 'e');
  ASSERT(104, s[0]);
  printf("OK\n");
  return 0;
}
