/* #error and #warning report their text; preprocessing goes on. */
#ifndef CONFIG
#error CONFIG is not set:   "please define"  /* comment dropped */ it
#endif
#warning this is only a warning
#if 0
#error never reported
#endif
int after_error = 1;
