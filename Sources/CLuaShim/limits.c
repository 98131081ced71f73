// Limits of a state: the memory cap (its allocator), the instruction budget, the deadline and
// Ctrl-C (its hook), and the collector switches Swift cannot reach through variadic lua_gc.
#include "control.h"
#include <time.h>

// The allocator refuses growth past the cap only while Lua runs, so an allocation made by
// Swift code (which must never see a longjmp) always succeeds; the trampoline then raises.
// The cap bounds what the pool holds from the system (whole chunks, freed blocks included) plus
// the bytes held for the state elsewhere (`extra`: pages fetched for it), not live bytes alone.
void *shim_limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    control *c = ud;
    c->blocks.cap = c->enforce ? c->limit : 0;
    c->blocks.extra = atomic_load_explicit(&c->extra, memory_order_relaxed);
    void *p = pool_realloc(&c->blocks, ptr, osize, nsize);
    c->used = c->blocks.held;
    return p;
}

size_t shim_footprint(control *c) {
    return c->blocks.held + atomic_load_explicit(&c->extra, memory_order_relaxed);
}

void shim_collect(lua_State *L) {
    lua_gc(L, LUA_GCCOLLECT);
    control *c = ctl(L);
    pool_trim(&c->blocks);
    c->used = c->blocks.held;
}

uint64_t shim_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// Once a limit is passed the hook runs at every instruction and raises each time, so a
// pcall inside the script catches the error only to have it raised again in its caller.
void shim_mark(lua_State *L, control *c, int reason) {
    c->tripped = reason;
    lua_sethook(L, shim_limit_hook, LUA_MASKCOUNT, 1);
    if (c->main != L) lua_sethook(c->main, shim_limit_hook, LUA_MASKCOUNT, 1);
}

const char *shim_stop_message(int reason) {
    switch (reason) {
    case EMPSH_STOP_INTERRUPT: return "interrupted!";
    case EMPSH_STOP_TIME: return "time limit exceeded";
    case EMPSH_STOP_INSTRUCTIONS: return "instruction limit exceeded";
    default: return "stopped";
    }
}

static void trip(lua_State *L, control *c, int reason, const char *message) {
    shim_mark(L, c, reason);
    luaL_error(L, "%s", message);
}

// The one hook of every thread: on count events (every HOOK_STEP instructions at most, every
// instruction once tripped) it checks the limits; then it passes the event to the script's own
// hook, if the script set one (hooks.c).
void shim_limit_hook(lua_State *L, lua_Debug *ar) {
    control *c = ctl(L);
    if (ar->event == LUA_HOOKCOUNT) {
        if (c->interrupted) trip(L, c, EMPSH_STOP_INTERRUPT, "interrupted!");
        c->executed += (uint64_t)lua_gethookcount(L);
        if (c->instructions && c->executed > c->instructions) trip(L, c, EMPSH_STOP_INSTRUCTIONS, "instruction limit exceeded");
        if (c->deadline_ns && shim_now_ns() > c->deadline_ns) trip(L, c, EMPSH_STOP_TIME, "time limit exceeded");
    }
    else {
        // Only a script's hook asks for other events. Count events that fall due while its hook
        // function runs are lost (Lua runs hooks with hooks off), so check here too: a hook that
        // runs on every line of a loop cannot hide the loop from the limits.
        // Each such event stands for at least the one instruction that raised it.
        if (c->interrupted) trip(L, c, EMPSH_STOP_INTERRUPT, "interrupted!");
        c->executed++;
        if (c->instructions && c->executed > c->instructions) trip(L, c, EMPSH_STOP_INSTRUCTIONS, "instruction limit exceeded");
        if (c->deadline_ns && shim_now_ns() > c->deadline_ns) trip(L, c, EMPSH_STOP_TIME, "time limit exceeded");
    }
    if (c->script_hooks) shim_script_hook(L, ar);
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
    if (c->depth > 0 && c->deadline_ns && shim_now_ns() > c->deadline_ns) return 2;
    return 0;
}
void empsh_clear_interrupt(lua_State *L) { ctl(L)->interrupted = 0; }
int empsh_stop_reason(lua_State *L) { return ctl(L)->tripped; }
void empsh_mark_stopped(lua_State *L, int reason) { shim_mark(L, ctl(L), reason); }
size_t empsh_memory_used(lua_State *L) { return shim_footprint(ctl(L)); }
int empsh_memory_exceeded(lua_State *L) { control *c = ctl(L); return c->limit && shim_footprint(c) > c->limit; }
void *empsh_memory_account(lua_State *L) { return ctl(L); }
void empsh_memory_hold(void *account, long delta) {
    control *c = account;
    if (delta >= 0) atomic_fetch_add_explicit(&c->extra, (size_t)delta, memory_order_relaxed);
    else atomic_fetch_sub_explicit(&c->extra, (size_t)-delta, memory_order_relaxed);
}
void empsh_set_memory_limit(lua_State *L, size_t limit) { ctl(L)->limit = limit; }
int empsh_gc_stop(lua_State *L) {
    int running = lua_gc(L, LUA_GCISRUNNING);
    lua_gc(L, LUA_GCSTOP);
    return running;
}
void empsh_gc_restart(lua_State *L) { lua_gc(L, LUA_GCRESTART); }
void empsh_gc_collect(lua_State *L) { shim_collect(L); }
