#include "pool.h"
#include <stdlib.h>
#include <string.h>

#define CHUNK_BYTES (256 * 1024)

struct pool_chunk { pool_chunk *next; };

static size_t class_of(size_t size) { return (size + POOL_STEP - 1) / POOL_STEP - 1; }

static void *take(pool *p, size_t size) {
    size_t k = class_of(size);
    void *block = p->free_list[k];
    if (block) {
        void *next = *(void **)block;
        p->free_list[k] = next;
        // Freed blocks are cold by the time they are reused: fetch the next one's link now, so the
        // next allocation of this size does not wait for memory.
        if (next) __builtin_prefetch(next, 1);
        return block;
    }
    size_t bytes = (k + 1) * POOL_STEP;
    if (p->left < bytes) {
        // The rest of the old chunk is too small for this class; it stays unused (at most POOL_MAX).
        pool_chunk *chunk = malloc(CHUNK_BYTES);
        if (!chunk) return NULL;
        chunk->next = p->chunks;
        p->chunks = chunk;
        p->next = (char *)chunk + POOL_STEP;  // keeps blocks 16-byte aligned past the link
        p->left = CHUNK_BYTES - POOL_STEP;
    }
    block = p->next;
    p->next += bytes;
    p->left -= bytes;
    return block;
}

static void give(pool *p, void *block, size_t size) {
    size_t k = class_of(size);
    *(void **)block = p->free_list[k];
    p->free_list[k] = block;
}

// lua_Alloc's contract: block NULL allocates (osize is then a type tag, not a size), nsize 0 frees,
// otherwise resizes, keeping the first min(osize, nsize) bytes.
void *pool_realloc(pool *p, void *block, size_t osize, size_t nsize) {
    size_t old = block ? osize : 0;
    if (nsize == 0) {
        if (block) {
            if (old <= POOL_MAX) give(p, block, old); else free(block);
        }
        return NULL;
    }
    if (!block) return nsize <= POOL_MAX ? take(p, nsize) : malloc(nsize);
    if (old > POOL_MAX && nsize > POOL_MAX) return realloc(block, nsize);
    if (old <= POOL_MAX && nsize <= POOL_MAX && class_of(old) == class_of(nsize)) return block;
    void *moved = nsize <= POOL_MAX ? take(p, nsize) : malloc(nsize);
    if (!moved) return NULL;  // Lua keeps the old block on failure
    memcpy(moved, block, old < nsize ? old : nsize);
    if (old <= POOL_MAX) give(p, block, old); else free(block);
    return moved;
}

void pool_release(pool *p) {
    pool_chunk *chunk = p->chunks;
    while (chunk) {
        pool_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    memset(p, 0, sizeof *p);
}
