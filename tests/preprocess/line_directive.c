/* __LINE__ and __FILE__, directly, through macros, and after #line. */
#define HERE __LINE__
#define WHERE(x) x, __FILE__, __LINE__
#define STR(x) #x
#define XSTR(x) STR(x)
int a = __LINE__;
int b = HERE;
const char *c = XSTR(__LINE__);
struct loc d = { WHERE(
    __LINE__) };
#line 1000
int e = __LINE__;
#line 20 "renamed.c"
const char *f = __FILE__; int g = HERE;
#define LINE_NO 500
#line LINE_NO
int h = __LINE__;
