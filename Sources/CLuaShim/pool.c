#include "pool.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// The first POOL_STEP bytes of a chunk: its link and how many of its blocks are live.
struct pool_chunk {
    pool_chunk *next;
    uint32_t live;
};

static size_t class_of(size_t size) { return (size + POOL_STEP - 1) / POOL_STEP - 1; }

static pool_chunk *chunk_of(void *block) {
    return (pool_chunk *)((uintptr_t)block & ~(uintptr_t)(POOL_CHUNK_BYTES - 1));
}

// Whether `bytes` more may be taken from the system now (the cap is set only while Lua runs).
static int fits(pool *p, size_t bytes) {
    if (!p->cap) return 1;
    if (p->held + p->extra + bytes <= p->cap) return 1;
    if (p->empty) pool_trim(p);
    return p->held + p->extra + bytes <= p->cap;
}

// A chunk aligned to its size, straight from mmap, so that munmap gives its pages back at once
// and a block finds its chunk by masking its address.
static pool_chunk *map_chunk(void) {
    size_t span = 2 * (size_t)POOL_CHUNK_BYTES;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)raw + POOL_CHUNK_BYTES - 1) & ~(uintptr_t)(POOL_CHUNK_BYTES - 1);
    size_t head = start - (uintptr_t)raw;
    if (head) munmap(raw, head);
    size_t tail = span - head - POOL_CHUNK_BYTES;
    if (tail) munmap((char *)start + POOL_CHUNK_BYTES, tail);
    return (pool_chunk *)start;
}

static int new_chunk(pool *p) {
    if (!fits(p, POOL_CHUNK_BYTES)) return 0;
    pool_chunk *chunk = map_chunk();
    if (!chunk) return 0;
    chunk->next = p->chunks;
    chunk->live = 0;
    p->chunks = chunk;
    // The rest of the old chunk is too small for the class asked; it stays unused (at most POOL_MAX).
    if (p->current && p->current->live == 0) p->empty++;
    p->current = chunk;
    p->next = (char *)chunk + POOL_STEP;  // keeps blocks 16-byte aligned past the header
    p->left = POOL_CHUNK_BYTES - POOL_STEP;
    p->held += POOL_CHUNK_BYTES;
    p->count++;
    return 1;
}

static void *take(pool *p, size_t size) {
    size_t k = class_of(size);
    void *block = p->free_list[k];
    if (block) {
        void *next = *(void **)block;
        p->free_list[k] = next;
        // Freed blocks are cold by the time they are reused: fetch the next one's link now, so the
        // next allocation of this size does not wait for memory.
        if (next) __builtin_prefetch(next, 1);
        pool_chunk *chunk = chunk_of(block);
        if (chunk->live++ == 0 && chunk != p->current) p->empty--;
        return block;
    }
    size_t bytes = (k + 1) * POOL_STEP;
    if (p->left < bytes && !new_chunk(p)) return NULL;
    block = p->next;
    p->next += bytes;
    p->left -= bytes;
    p->current->live++;
    return block;
}

static void give(pool *p, void *block, size_t size) {
    size_t k = class_of(size);
    *(void **)block = p->free_list[k];
    p->free_list[k] = block;
    pool_chunk *chunk = chunk_of(block);
    if (--chunk->live == 0 && chunk != p->current) {
        // Half the chunks empty: give them back even with room under the cap. A trim walks the free
        // lists once, and the next one waits until half of what is left is empty again.
        if (++p->empty >= POOL_TRIM_AT && p->empty * 2 >= p->count) pool_trim(p);
    }
}

static void *take_large(pool *p, size_t size) {
    if (!fits(p, size)) return NULL;
    void *block = malloc(size);
    if (block) p->held += size;
    return block;
}

static void give_large(pool *p, void *block, size_t size) {
    free(block);
    p->held -= size;
}

// lua_Alloc's contract: block NULL allocates (osize is then a type tag, not a size), nsize 0 frees,
// otherwise resizes, keeping the first min(osize, nsize) bytes.
void *pool_realloc(pool *p, void *block, size_t osize, size_t nsize) {
    size_t old = block ? osize : 0;
    if (nsize == 0) {
        if (block) {
            if (old <= POOL_MAX) give(p, block, old); else give_large(p, block, old);
        }
        return NULL;
    }
    if (!block) return nsize <= POOL_MAX ? take(p, nsize) : take_large(p, nsize);
    if (old > POOL_MAX && nsize > POOL_MAX) {
        if (nsize > old && !fits(p, nsize - old)) return NULL;
        void *moved = realloc(block, nsize);
        if (moved) p->held = p->held - old + nsize;
        return moved;
    }
    if (old <= POOL_MAX && nsize <= POOL_MAX && class_of(old) == class_of(nsize)) return block;
    void *moved = nsize <= POOL_MAX ? take(p, nsize) : take_large(p, nsize);
    if (!moved && nsize < old) {
        // Lua assumes a shrink never fails (its collector shrinks tables and strings mid-step): a
        // shrink that needs a new chunk takes it past the cap, and the cap is met again once the
        // old block is given back.
        size_t cap = p->cap;
        p->cap = 0;
        moved = nsize <= POOL_MAX ? take(p, nsize) : take_large(p, nsize);
        p->cap = cap;
    }
    if (!moved) return NULL;  // Lua keeps the old block on failure
    memcpy(moved, block, old < nsize ? old : nsize);
    if (old <= POOL_MAX) give(p, block, old); else give_large(p, block, old);
    return moved;
}

static int reclaimable(pool *p, pool_chunk *chunk) { return chunk->live == 0 && chunk != p->current; }

size_t pool_trim(pool *p) {
    if (!p->empty) return 0;
    // Unlink the free blocks of empty chunks from every size class's list, then unmap the chunks.
    for (size_t k = 0; k < POOL_CLASSES; k++) {
        void **link = &p->free_list[k];
        while (*link) {
            void *block = *link;
            if (reclaimable(p, chunk_of(block))) *link = *(void **)block; else link = (void **)block;
        }
    }
    size_t returned = 0;
    pool_chunk **link = &p->chunks;
    while (*link) {
        pool_chunk *chunk = *link;
        if (reclaimable(p, chunk)) {
            *link = chunk->next;
            munmap(chunk, POOL_CHUNK_BYTES);
            returned += POOL_CHUNK_BYTES;
            p->count--;
        }
        else link = &chunk->next;
    }
    p->held -= returned;
    p->empty = 0;
    return returned;
}

void pool_release(pool *p) {
    pool_chunk *chunk = p->chunks;
    while (chunk) {
        pool_chunk *next = chunk->next;
        munmap(chunk, POOL_CHUNK_BYTES);
        chunk = next;
    }
    memset(p, 0, sizeof *p);
}
