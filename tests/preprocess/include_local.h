#ifndef INCLUDE_LOCAL_H
#define INCLUDE_LOCAL_H
#define LOCAL_VALUE 40
int local_function(void);
#endif
