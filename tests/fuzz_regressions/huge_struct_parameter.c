struct big { char b[1L << 31]; };
int f(struct big x) { return x.b[0]; }
int main(void){ return 0; }
