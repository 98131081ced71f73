// A size-class allocator for one Lua state's small blocks (internal to CLuaShim).
#ifndef EMPSH_POOL_H
#define EMPSH_POOL_H
#include <stddef.h>

#define POOL_STEP 16
#define POOL_MAX 1024
#define POOL_CLASSES (POOL_MAX / POOL_STEP)

typedef struct pool_chunk pool_chunk;

// Blocks up to POOL_MAX bytes come from chunks carved in POOL_STEP multiples, and go back to a free
// list per size class. Lua tells the allocator each block's size when it frees or resizes it, so a
// block needs no header; chunks are returned to the system only when the state closes.
typedef struct {
    void *free_list[POOL_CLASSES];
    char *next;           // the unused rest of the newest chunk
    size_t left;
    pool_chunk *chunks;   // every chunk, to release at close
} pool;

void *pool_realloc(pool *p, void *block, size_t osize, size_t nsize);
void pool_release(pool *p);

#endif
