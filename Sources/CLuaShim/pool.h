// A size-class allocator for one Lua state's small blocks (internal to CLuaShim).
#ifndef EMPSH_POOL_H
#define EMPSH_POOL_H
#include <stddef.h>

#define POOL_STEP 16
#define POOL_MAX 1024
#define POOL_CLASSES (POOL_MAX / POOL_STEP)
#define POOL_CHUNK_BYTES (256 * 1024)
#define POOL_TRIM_AT 32

typedef struct pool_chunk pool_chunk;

// Blocks up to POOL_MAX bytes come from chunks carved in POOL_STEP multiples, and go back to a free
// list per size class. Lua tells the allocator each block's size when it frees or resizes it, so a
// block needs no header: its chunk is found by alignment, and counts its live blocks. Chunks that
// hold no live block go back to the system (`pool_trim`) when the cap needs room, after a full
// collection the host runs, and once half the chunks (at least POOL_TRIM_AT) are empty.
//
// `held` is what the state takes from the system: every chunk whole, free blocks included, plus
// the blocks over POOL_MAX. That, not the bytes of live objects, is what the cap bounds: a script
// that churns through many sizes cannot keep freed blocks of one size from serving another.
typedef struct {
    void *free_list[POOL_CLASSES];
    char *next;           // the unused rest of the newest chunk
    size_t left;
    pool_chunk *chunks;   // every chunk, to trim and to release at close
    pool_chunk *current;  // the chunk being carved (never trimmed)
    size_t held;          // chunk bytes plus large blocks' bytes
    size_t count;         // chunks held
    size_t empty;         // chunks other than `current` with no live block (what a trim returns)
    size_t cap;           // 0, or the most `held` (with `extra`) may reach; set by the allocator
    size_t extra;         // bytes held for the state elsewhere (fetched pages), counted with `held`
} pool;

void *pool_realloc(pool *p, void *block, size_t osize, size_t nsize);
/// Returns chunks with no live block to the system; the bytes returned.
size_t pool_trim(pool *p);
void pool_release(pool *p);

#endif
