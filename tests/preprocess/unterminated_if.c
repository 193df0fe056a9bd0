/* Conditionals left open at the end of the file. */
#if 1
int a;
#ifdef SOMETHING
int b;
#else
int c;
