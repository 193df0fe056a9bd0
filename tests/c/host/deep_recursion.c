/* Millions of frames before the stack overflows: the report's backtrace keeps the innermost
   and outermost frames, so it costs the host little however deep the stack. */
static int down(int n) {
  return down(n + 1) + 1;
}

int main(void) {
  return down(0);
}
