#include "CLuaShim.h"
#include "pool.h"
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <time.h>

static empsh_dispatch_fn dispatch_fn;
static empsh_release_fn release_fn;

// Per-state control block, found through lua_getextraspace (coroutines inherit the pointer).
typedef struct {
    size_t used, limit;
    int enforce;                     // 1 while Lua code runs: only then may the cap refuse memory
    int depth;                       // nesting of empsh_pcall; limits restart at depth 0
    uint64_t instructions, executed; // instruction budget of a top-level call (0 = none)
    uint64_t timeout_ns, deadline_ns;
    lua_State *main;                 // the main thread, whose hook also goes to every instruction
    volatile sig_atomic_t interrupted;
    int tripped;                     // the EMPSH_STOP_* a limit raised in this top-level call
    int closing;                     // set by empsh_close: no Swift function runs from then on
    pool blocks;                     // where the state's small blocks come from
} control;

#define HOOK_STEP 1000
static control *ctl(lua_State *L) { return *(control **)lua_getextraspace(L); }

void empsh_set_callbacks(empsh_dispatch_fn dispatch, empsh_release_fn release) {
    dispatch_fn = dispatch;
    release_fn = release;
}

// The allocator refuses growth past the cap only while Lua runs, so an allocation made by
// Swift code (which must never see a longjmp) always succeeds; the trampoline then raises.
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    control *c = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) { pool_realloc(&c->blocks, ptr, osize, 0); c->used -= old; return NULL; }
    if (c->limit && c->enforce && nsize > old && c->used - old + nsize > c->limit) return NULL;
    void *p = pool_realloc(&c->blocks, ptr, osize, nsize);
    if (p) c->used = c->used - old + nsize;
    return p;
}

static void limit_hook(lua_State *L, lua_Debug *ar);

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// Once a limit is passed the hook runs at every instruction and raises each time, so a
// pcall inside the script catches the error only to have it raised again in its caller.
static void mark(lua_State *L, control *c, int reason) {
    c->tripped = reason;
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
    if (c->main != L) lua_sethook(c->main, limit_hook, LUA_MASKCOUNT, 1);
}

static void trip(lua_State *L, control *c, int reason, const char *message) {
    mark(L, c, reason);
    luaL_error(L, "%s", message);
}

// Runs every HOOK_STEP instructions (every instruction once tripped).
static void limit_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    control *c = ctl(L);
    if (c->interrupted) trip(L, c, EMPSH_STOP_INTERRUPT, "interrupted!");
    c->executed += HOOK_STEP;
    if (c->instructions && c->executed > c->instructions) trip(L, c, EMPSH_STOP_INSTRUCTIONS, "instruction limit exceeded");
    if (c->deadline_ns && now_ns() > c->deadline_ns) trip(L, c, EMPSH_STOP_TIME, "time limit exceeded");
}


// Reached only by an error outside any protected call (a bug): say so before aborting.
static int panic(lua_State *L) {
    const char *message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)";
    fprintf(stderr, "empsh: internal error: Lua panic: %s\n", message);
    fflush(stderr);
    abort();
    return 0;
}

lua_State *empsh_newstate(size_t memory_limit) {
    control *c = calloc(1, sizeof(control));
    if (!c) return NULL;
    c->limit = memory_limit;
    lua_State *L = lua_newstate(limited_alloc, c);
    if (!L) { pool_release(&c->blocks); free(c); return NULL; }
    *(control **)lua_getextraspace(L) = c;
    c->main = L;
    lua_atpanic(L, panic);
    luaL_openlibs(L);
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_STEP);
    return L;
}

// Finalizers still run in lua_close (with hooks off, as every finalizer runs); the Swift
// functions they call are refused from here on, so none reaches an object Swift has released.
void empsh_close(lua_State *L) {
    control *c = ctl(L);
    c->closing = 1;
    c->enforce = 0;
    lua_close(L);
    pool_release(&c->blocks);
    free(c);
}

static int box_gc(lua_State *L) {
    void **slot = lua_touserdata(L, 1);
    if (slot && *slot) { release_fn(*slot); *slot = NULL; }
    return 0;
}

// The trampoline: the only place a Swift function's error becomes lua_error. Swift has
// returned before the longjmp, so no Swift frame is ever unwound by it.
static int trampoline(lua_State *L) {
    void **slot = lua_touserdata(L, lua_upvalueindex(1));
    control *c = ctl(L);
    if (c->closing || !*slot) return luaL_error(L, "empsh is closing: the call was refused");
    int enforce = c->enforce;
    c->enforce = 0;
    int n = dispatch_fn(L, *slot);
    c->enforce = enforce;
    if (n == EMPSH_RAISE) return lua_error(L);
    if (c->limit && enforce && c->used > c->limit) {
        lua_gc(L, LUA_GCCOLLECT);
        if (c->used > c->limit) return luaL_error(L, "not enough memory");
    }
    return n;
}

void empsh_pushclosure(lua_State *L, void *box) {
    void **slot = lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_newmetatable(L, "empsh.closure")) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, trampoline, 1);
}

int empsh_pushobject(lua_State *L, void *box, const char *name) {
    int fresh = luaL_newmetatable(L, name);
    if (fresh) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    void **slot = lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    lua_pushvalue(L, -2);
    lua_setmetatable(L, -2);
    if (!fresh) lua_remove(L, -2);
    return fresh;
}

int empsh_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    control *c = ctl(L);
    if (c->depth == 0) {
        lua_sethook(c->main, limit_hook, LUA_MASKCOUNT, HOOK_STEP);
        c->executed = 0;
        c->deadline_ns = c->timeout_ns ? now_ns() + c->timeout_ns : 0;
        c->interrupted = 0;
        c->tripped = 0;
    }
    int enforce = c->enforce;
    c->enforce = 1;
    c->depth++;
    int status = lua_pcall(L, nargs, nresults, msgh);
    c->depth--;
    c->enforce = enforce;
    return status;
}

int empsh_msghandler(lua_State *L) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "empsh.traceback");
    return 1;
}

void empsh_set_limits(lua_State *L, uint64_t instructions, uint64_t timeout_ns) {
    control *c = ctl(L);
    c->instructions = instructions;
    c->timeout_ns = timeout_ns;
}

void empsh_interrupt(lua_State *L) { ctl(L)->interrupted = 1; }

int empsh_limit_reached(lua_State *L) {
    control *c = ctl(L);
    if (c->interrupted) return 1;
    if (c->depth > 0 && c->deadline_ns && now_ns() > c->deadline_ns) return 2;
    return 0;
}
void empsh_clear_interrupt(lua_State *L) { ctl(L)->interrupted = 0; }
int empsh_stop_reason(lua_State *L) { return ctl(L)->tripped; }
void empsh_mark_stopped(lua_State *L, int reason) { mark(L, ctl(L), reason); }
size_t empsh_memory_used(lua_State *L) { return ctl(L)->used; }
int empsh_memory_exceeded(lua_State *L) { control *c = ctl(L); return c->limit && c->used > c->limit; }
void empsh_set_memory_limit(lua_State *L, size_t limit) { ctl(L)->limit = limit; }
int empsh_gc_stop(lua_State *L) {
    int running = lua_gc(L, LUA_GCISRUNNING);
    lua_gc(L, LUA_GCSTOP);
    return running;
}
void empsh_gc_restart(lua_State *L) { lua_gc(L, LUA_GCRESTART); }
void empsh_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }

static int tolstring_k(lua_State *L) { luaL_tolstring(L, 1, NULL); return 1; }
static int gettable_k(lua_State *L) { lua_gettable(L, 1); return 1; }
static int settable_k(lua_State *L) { lua_settable(L, 1); return 0; }

int empsh_tolstring_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, tolstring_k);
    lua_pushvalue(L, idx);
    return empsh_pcall(L, 1, 1, 0);
}

int empsh_gettable_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, gettable_k);
    lua_pushvalue(L, idx);
    lua_rotate(L, -3, -1);   // f t k  (k was below f)
    return empsh_pcall(L, 2, 1, 0);
}

int empsh_settable_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, settable_k);
    lua_pushvalue(L, idx);
    lua_rotate(L, -4, 2);    // f t k v
    return empsh_pcall(L, 3, 0, 0);
}
