// Line coverage: the line events of attached states, counted per file in C, and the executable
// lines of a chunk, read from its bytecode.
//
// An attached state's threads run the one C hook (shim_limit_hook) with line events added; after
// the limit check, shim_script_hook hands each line event here before the script's own hook.
// Counts go to the process's one collector, keyed by chunk name: a file loaded in many states
// (empsh test runs every test in a fresh one) adds up. Only chunks loaded from files ('@' names)
// count. States must not run on two threads at once while attached.
//
// A chunk's executable lines are what debug.getinfo(f, "L").activelines gives for every function
// of the chunk, nested ones included: the chunk is compiled (not run) and dumped, and the dump's
// line information is walked as ldebug.c's collectvalidlines walks a function's. The line of a
// function's implicit final return (its `end`, or a chunk's end) counts only when other code
// shares it: a function that returns explicitly never reaches it.
#include "control.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name;       // the chunk name without its '@'
    size_t length;
    uint64_t *hits;   // hits[line]
    int capacity;     // entries of hits
} covered_file;

static covered_file *files;
static int file_count, file_capacity;
// Chunk-name pointers seen lately -> file, checked against the name (a collected name's memory
// may come back as another's).
#define SLOTS 256
static struct { const char *source; int file; } slots[SLOTS];

static int find_file(const char *name, size_t length) {
    for (int i = 0; i < file_count; i++)
        if (files[i].length == length && memcmp(files[i].name, name, length) == 0) return i;
    if (file_count == file_capacity) {
        int grown = file_capacity ? file_capacity * 2 : 16;
        covered_file *more = realloc(files, sizeof(covered_file) * (size_t)grown);
        if (!more) return -1;
        files = more;
        file_capacity = grown;
    }
    char *copy = malloc(length + 1);
    if (!copy) return -1;
    memcpy(copy, name, length);
    copy[length] = '\0';
    files[file_count] = (covered_file){copy, length, NULL, 0};
    return file_count++;
}

static void count_line(covered_file *f, int line) {
    if (line >= f->capacity) {
        int grown = f->capacity ? f->capacity : 64;
        while (grown <= line) grown *= 2;
        uint64_t *more = realloc(f->hits, sizeof(uint64_t) * (size_t)grown);
        if (!more) return;
        memset(more + f->capacity, 0, sizeof(uint64_t) * (size_t)(grown - f->capacity));
        f->hits = more;
        f->capacity = grown;
    }
    f->hits[line]++;
}

// A line event of an attached state (called from shim_script_hook).
void shim_coverage_line(lua_State *L, lua_Debug *ar) {
    if (ar->currentline <= 0 || !lua_getinfo(L, "S", ar) || ar->source[0] != '@') return;
    const char *name = ar->source + 1;
    size_t length = ar->srclen - 1;
    size_t slot = ((uintptr_t)ar->source >> 4) % SLOTS;
    int i = slots[slot].file;
    if (slots[slot].source != ar->source || files[i].length != length || memcmp(files[i].name, name, length) != 0) {
        i = find_file(name, length);
        if (i < 0) return;
        slots[slot].source = ar->source;
        slots[slot].file = i;
    }
    count_line(&files[i], ar->currentline);
}

void empsh_coverage_attach(lua_State *L) {
    control *c = ctl(L);
    c->script_hooks |= SHIM_HOOKS_COVERAGE;
    shim_reset_main_hook(c->main);
}

int empsh_coverage_file_count(void) { return file_count; }

const char *empsh_coverage_file_name(int i) { return i >= 0 && i < file_count ? files[i].name : NULL; }

const uint64_t *empsh_coverage_file_hits(int i, int *count) {
    if (i < 0 || i >= file_count) { *count = 0; return NULL; }
    *count = files[i].capacity;
    return files[i].hits;
}

void empsh_coverage_reset(void) {
    for (int i = 0; i < file_count; i++) { free(files[i].name); free(files[i].hits); }
    free(files);
    files = NULL;
    file_count = file_capacity = 0;
    memset(slots, 0, sizeof(slots));
}

// ---- executable lines, from a chunk's dump (lundump.c's format, Lua 5.4) ----

typedef struct { unsigned char *data; size_t size, capacity; } dump_buffer;

static int write_dump(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    dump_buffer *b = ud;
    if (b->size + size > b->capacity) {
        size_t grown = b->capacity ? b->capacity * 2 : 4096;
        while (grown < b->size + size) grown *= 2;
        unsigned char *more = realloc(b->data, grown);
        if (!more) return 1;
        b->data = more;
        b->capacity = grown;
    }
    memcpy(b->data + b->size, p, size);
    b->size += size;
    return 0;
}

typedef struct {
    const unsigned char *p, *end;
    int bad;
    unsigned char *lines;  // lines[n] = 1: n is executable
    int capacity;
} reader;

static int byte_at(reader *r) {
    if (r->p >= r->end) { r->bad = 1; return 0; }
    return *r->p++;
}

static void skip(reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) { r->bad = 1; r->p = r->end; return; }
    r->p += n;
}

// lundump.c's loadUnsigned: 7 bits a byte, most significant first, the last byte's high bit set.
static size_t unsigned_at(reader *r) {
    size_t x = 0;
    int b;
    do {
        b = byte_at(r);
        if (x >> (sizeof(size_t) * 8 - 8)) { r->bad = 1; return 0; }
        x = (x << 7) | (size_t)(b & 0x7f);
    } while (!r->bad && (b & 0x80) == 0);
    return x;
}

static int int_at(reader *r) {
    size_t x = unsigned_at(r);
    if (x > 0x7fffffff) { r->bad = 1; return 0; }
    return (int)x;
}

static void skip_string(reader *r) {
    size_t size = unsigned_at(r);
    if (size > 0) skip(r, size - 1);
}

static void mark(reader *r, int line) {
    if (line > 0 && line < r->capacity) r->lines[line] = 1;
}

static void read_function(reader *r, int depth);

static void read_constants_upvalues_protos(reader *r, int depth) {
    int n = int_at(r);
    for (int i = 0; i < n && !r->bad; i++) {
        switch (byte_at(r)) {
        case 3: case 19: skip(r, 8); break;     // integer, float
        case 4: case 20: skip_string(r); break;  // short, long string
        case 0: case 1: case 17: break;          // nil, false, true
        default: r->bad = 1;
        }
    }
    n = int_at(r);
    skip(r, (size_t)n * 3);
    n = int_at(r);
    for (int i = 0; i < n && !r->bad; i++) read_function(r, depth + 1);
}

// Marks the lines of one function's instructions, as collectvalidlines lists them.
static void read_function(reader *r, int depth) {
    if (depth > 200) { r->bad = 1; return; }
    skip_string(r);  // source
    int line = int_at(r);
    int_at(r);  // lastlinedefined
    skip(r, 1);  // numparams
    int vararg = byte_at(r);
    skip(r, 1);  // maxstacksize
    int code = int_at(r);
    skip(r, (size_t)code * 4);
    read_constants_upvalues_protos(r, depth);
    int n = int_at(r);
    if (r->bad || (size_t)(r->end - r->p) < (size_t)n) { r->bad = 1; return; }
    const signed char *deltas = (const signed char *)r->p;
    skip(r, (size_t)n);
    int absolute = int_at(r);
    int *lines = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!lines) { r->bad = 1; return; }
    for (int pc = 0; pc < n && !r->bad; pc++) {
        if (deltas[pc] != -0x80) { line += deltas[pc]; }
        else if (absolute > 0) { int_at(r); line = int_at(r); absolute--; }  // (pc, line) pairs, in pc order
        else r->bad = 1;
        lines[pc] = line;
    }
    while (absolute-- > 0 && !r->bad) { int_at(r); int_at(r); }  // pairs left over (none in a sound dump)
    int last = n - 1;  // the implicit final return
    int shared = 0;
    for (int pc = vararg ? 1 : 0; pc < last; pc++) {
        mark(r, lines[pc]);
        if (lines[pc] == lines[last]) shared = 1;
    }
    if (last >= 0 && shared) mark(r, lines[last]);
    free(lines);
    n = int_at(r);  // local variables
    for (int i = 0; i < n && !r->bad; i++) { skip_string(r); int_at(r); int_at(r); }
    n = int_at(r);  // upvalue names
    for (int i = 0; i < n && !r->bad; i++) skip_string(r);
}

// The header lundump.c's checkHeader expects of this Lua: 4-byte instructions, 8-byte numbers.
static int read_header(reader *r) {
    static const unsigned char start[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
    size_t length = sizeof(start) - 1;
    if ((size_t)(r->end - r->p) < length + 16 + 1 || memcmp(r->p, start, length) != 0) return 0;
    r->p += length + 16 + 1;  // LUAC_INT, LUAC_NUM, the main closure's upvalue count
    return 1;
}

int empsh_coverage_lines(lua_State *L, const char *code, size_t size, const char *name, unsigned char *lines, int capacity) {
    int status = luaL_loadbufferx(L, code, size, name, "t");
    if (status != LUA_OK) return status;
    dump_buffer dump = {NULL, 0, 0};
    int failed = lua_dump(L, write_dump, &dump, 0);
    lua_pop(L, 1);
    reader r = {dump.data, dump.data + dump.size, failed, lines, capacity};
    memset(lines, 0, (size_t)capacity);
    if (!r.bad && read_header(&r)) read_function(&r, 0);
    else r.bad = 1;
    free(dump.data);
    if (r.bad) {
        memset(lines, 0, (size_t)capacity);
        lua_pushstring(L, "cannot read the chunk's line information");
        return LUA_ERRERR;
    }
    return LUA_OK;
}
