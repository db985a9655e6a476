/* util: growable arrays and the value map (see util.h). */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *checked(void *p) {
  if (!p) {
    fputs("escape: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *esc_calloc(size_t count, size_t size) {
  return checked(calloc(count ? count : 1, size));
}

void esc_grow(void **array, uint32_t *capacity, size_t size, uint32_t needed) {
  if (needed <= *capacity)
    return;
  uint32_t grown = *capacity ? *capacity : 16;
  while (grown < needed)
    grown *= 2;
  *array = checked(realloc(*array, grown * size));
  *capacity = grown;
}

void esc_append_value(LLVMValueRef **list, uint32_t *count, uint32_t *capacity, LLVMValueRef v) {
  esc_grow((void **)list, capacity, sizeof **list, *count + 1);
  (*list)[(*count)++] = v;
}

static uint32_t slot_of(const EscValueMap *map, LLVMValueRef key) {
  uintptr_t h = (uintptr_t)key;
  h ^= h >> 17;
  h *= 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  uint32_t mask = map->capacity - 1;
  uint32_t i = (uint32_t)h & mask;
  while (map->keys[i] && map->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

void esc_map_init(EscValueMap *map) {
  map->capacity = 64;
  map->count = 0;
  map->keys = esc_calloc(map->capacity, sizeof *map->keys);
  map->values = esc_calloc(map->capacity, sizeof *map->values);
}

void esc_map_free(EscValueMap *map) {
  free(map->keys);
  free(map->values);
  memset(map, 0, sizeof *map);
}

uint32_t esc_map_get(const EscValueMap *map, LLVMValueRef key) {
  uint32_t i = slot_of(map, key);
  return map->keys[i] ? map->values[i] : ESC_NONE;
}

static void rehash(EscValueMap *map) {
  EscValueMap bigger = {esc_calloc(map->capacity * 2, sizeof(LLVMValueRef)),
                        esc_calloc(map->capacity * 2, sizeof(uint32_t)),
                        map->capacity * 2, 0};
  for (uint32_t i = 0; i < map->capacity; i++)
    if (map->keys[i])
      esc_map_put(&bigger, map->keys[i], map->values[i]);
  esc_map_free(map);
  *map = bigger;
}

void esc_map_put(EscValueMap *map, LLVMValueRef key, uint32_t value) {
  /* At most half full: most lookups are of values not in the map (integers,
   * constants), and linear probing's misses grow fast past that. */
  if ((map->count + 1) * 2 > map->capacity)
    rehash(map);
  uint32_t i = slot_of(map, key);
  if (!map->keys[i]) {
    map->keys[i] = key;
    map->count++;
  }
  map->values[i] = value;
}

LLVMValueRef esc_library_function(LLVMModuleRef module, const char *name, LLVMTypeRef type,
                                  LLVMLinkage linkage) {
  LLVMValueRef fn = LLVMGetNamedFunction(module, name);
  if (fn)
    return fn;
  fn = LLVMAddFunction(module, name, type);
  LLVMSetLinkage(fn, linkage);
  return fn;
}
