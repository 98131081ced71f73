// The per-state control block shared by the shim's files (internal to CLuaShim).
#ifndef EMPSH_CONTROL_H
#define EMPSH_CONTROL_H
#include "CLuaShim.h"
#include "pool.h"
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>

// Per-state control block, found through lua_getextraspace (coroutines inherit the pointer).
typedef struct {
    size_t used, limit;              // used: what the pool holds from the system (pool.h)
    _Atomic size_t extra;            // bytes held for the state outside Lua (empsh_memory_hold)
    int enforce;                     // 1 while Lua code runs: only then may the cap refuse memory
    int depth;                       // nesting of empsh_pcall; limits restart at depth 0
    uint64_t instructions, executed; // instruction budget of a top-level call (0 = none)
    uint64_t timeout_ns, deadline_ns;
    lua_State *main;                 // the main thread, whose hook also goes to every instruction
    volatile sig_atomic_t interrupted;
    int tripped;                     // the EMPSH_STOP_* a limit raised in this top-level call
    int closing;                     // set by empsh_close: no Swift function runs from then on
    int script_hooks;                // SHIM_HOOKS_*: who besides the limits wants hook events
    pool blocks;                     // where the state's small blocks come from
} control;


#define HOOK_STEP 1000
#define SHIM_HOOKS_SCRIPT 1    // a script has set a hook (debug.sethook, hooks.c)
#define SHIM_HOOKS_COVERAGE 2  // line coverage is counted (coverage.c)
static inline control *ctl(lua_State *L) { return *(control **)lua_getextraspace(L); }

/// The state's allocator: small blocks from the pool, the memory cap enforced while Lua runs.
void *shim_limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/// What counts against the cap: the pool's holding plus `extra`.
size_t shim_footprint(control *c);
/// A full collection, then the pool's empty chunks back to the system.
void shim_collect(lua_State *L);
/// The instruction hook that enforces the limits and Ctrl-C.
void shim_limit_hook(lua_State *L, lua_Debug *ar);
/// Records that a limit stopped the call, and makes the hook raise at every instruction from now on.
void shim_mark(lua_State *L, control *c, int reason);
/// Passes a hook event to the script's own hook of the thread, if it set one (hooks.c).
void shim_script_hook(lua_State *L, lua_Debug *ar);
/// Sets the main thread's hook for a new top-level call: the limits, and the script's hook.
void shim_reset_main_hook(lua_State *L);
/// Counts a line event of a state under coverage (coverage.c).
void shim_coverage_line(lua_State *L, lua_Debug *ar);
/// Replaces the state's debug.sethook and debug.gethook by the chaining ones.
void shim_open_hooks(lua_State *L);
/// Sets warn() as lua5.4 has it: off until "@on".
void shim_open_warnings(lua_State *L);
/// The message of a limit (EMPSH_STOP_*).
const char *shim_stop_message(int reason);
/// CLOCK_MONOTONIC in nanoseconds.
uint64_t shim_now_ns(void);

#endif
