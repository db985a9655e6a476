/* bfs.c: per-call scratch space with real work in between.
 *
 * Shortest path lengths on a 16x16 grid with walls: each query allocates a
 * zeroed visited map (256 bytes, calloc) and a queue (512 bytes), runs a
 * breadth-first search and frees both. The search dominates the cost, so the
 * gain from moving the two buffers is small: a realistic lower end. */
#include "bench.h"

#define N 16

static unsigned char walls[N * N];

static int shortest(int from, int to) {
  TEMP_ZEROED(unsigned char, seen, N * N);
  TEMP_ARRAY(unsigned short, queue, N * N);
  int head = 0, tail = 0, found = -1;
  queue[tail++] = (unsigned short)from;
  seen[from] = 1;
  while (head < tail) {
    int c = queue[head++];
    if (c == to) {
      found = seen[c] - 1;
      break;
    }
    int x = c % N, y = c / N;
    int next[4] = {x > 0 ? c - 1 : -1, x < N - 1 ? c + 1 : -1, y > 0 ? c - N : -1, y < N - 1 ? c + N : -1};
    for (int k = 0; k < 4; k++) {
      int d = next[k];
      if (d >= 0 && !walls[d] && !seen[d]) {
        seen[d] = (unsigned char)(seen[c] + 1);
        queue[tail++] = (unsigned short)d;
      }
    }
  }
  TEMP_FREE(queue);
  TEMP_FREE(seen);
  return found;
}

int main(int argc, char **argv) {
  long iterations = bench_iterations(argc, argv, 300000);
  unsigned seed = 7;
  for (int i = 0; i < N * N; i++) {
    seed = seed * 1103515245u + 12345u;
    walls[i] = (seed >> 16) % 5 == 0;
  }
  long total = 0;
  for (long i = 0; i < iterations; i++) {
    int from = (int)((i * 37) % (N * N)), to = (int)((i * 101 + 17) % (N * N));
    walls[from] = walls[to] = 0;
    total += shortest(from, to);
  }
  printf("bfs %ld %ld\n", iterations, total);
  return 0;
}
