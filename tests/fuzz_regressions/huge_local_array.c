int main(void){int a[1000000000]; a[5] = 1; return a[5];}
