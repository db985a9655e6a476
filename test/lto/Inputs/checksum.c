/* The callee half of lto.test: reads the buffer, keeps nothing. */
__attribute__((noinline)) long checksum(const unsigned char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s = s * 31 + p[i];
  return s;
}
