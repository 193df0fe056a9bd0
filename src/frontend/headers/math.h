#ifndef __SEGVM_MATH_H
#define __SEGVM_MATH_H
#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
int __builtin_isnan(double x);
int __builtin_isinf(double x);
int __builtin_isfinite(double x);
int __builtin_signbit(double x);
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x) __builtin_signbit(x)
double sqrt(double x);
double pow(double x, double y);
double fabs(double x);
double floor(double x);
double ceil(double x);
double round(double x);
double trunc(double x);
double fmod(double x, double y);
double exp(double x);
double exp2(double x);
double log(double x);
double log10(double x);
double log2(double x);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double hypot(double x, double y);
double cbrt(double x);
double copysign(double x, double y);
double fmax(double x, double y);
double fmin(double x, double y);
double ldexp(double x, int exp);
double frexp(double x, int *exp);
double modf(double x, double *iptr);
long lround(double x);
long long llround(double x);
double rint(double x);
double nearbyint(double x);
double log1p(double x);
double expm1(double x);
double fdim(double x, double y);
double asinh(double x);
double acosh(double x);
double atanh(double x);
float sqrtf(float x);
float powf(float x, float y);
float fabsf(float x);
float floorf(float x);
float ceilf(float x);
float sinf(float x);
float cosf(float x);
float expf(float x);
float logf(float x);
float fmodf(float x, float y);
#endif
