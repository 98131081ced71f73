#ifndef EMPSH_CLUASHIM_H
#define EMPSH_CLUASHIM_H

// Lua's function-like macros re-exported as functions Swift can call, the one trampoline
// through which every Swift-implemented Lua function runs, and the per-state limits
// (instructions, wall-clock deadline, interrupt, memory) that C enforces.

#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>
#include <stddef.h>
#include <stdint.h>

/// Returned by a Swift function, with the error object on top of the stack: C raises it.
#define EMPSH_RAISE (-1)

/// Why a limit stopped a top-level call (empsh_stop_reason).
#define EMPSH_STOP_INTERRUPT 1
#define EMPSH_STOP_TIME 2
#define EMPSH_STOP_INSTRUCTIONS 3

/// Calls the Swift closure `box` with `L`; returns a result count or EMPSH_RAISE.
typedef int (*empsh_dispatch_fn)(lua_State *L, void *box);
/// Releases a Swift closure box when its userdata is collected.
typedef void (*empsh_release_fn)(void *box);

/// Registers the Swift side of the trampoline; call once before any closure is pushed.
void empsh_set_callbacks(empsh_dispatch_fn dispatch, empsh_release_fn release);

/// A new state with the limiting allocator, the standard libraries opened, and control block.
/// `memory_limit` 0 means no cap. Returns NULL when the state cannot be made.
lua_State *empsh_newstate(size_t memory_limit);
/// Closes the state and frees its control block.
void empsh_close(lua_State *L);

/// Pushes a C closure whose upvalue is a userdata holding `box`; its `__gc` releases the box.
void empsh_pushclosure(lua_State *L, void *box);

/// Pushes a userdata holding the Swift object `box`, with metatable `name` (made on first use
/// with a `__gc` that releases the box). Returns 1 when the metatable was new (the caller may
/// then fill it: it is left below the userdata), 0 otherwise (only the userdata is pushed).
int empsh_pushobject(lua_State *L, void *box, const char *name);

/// lua_pcall with the allocator's cap enforced while Lua runs (the host is never refused memory).
/// A call at depth 0 (not nested in another) restarts the instruction count and the deadline
/// and clears an earlier interrupt.
int empsh_pcall(lua_State *L, int nargs, int nresults, int msgh);
/// The message handler: keeps the error object, stores a traceback in the registry field
/// "empsh.traceback".
int empsh_msghandler(lua_State *L);

/// The `package.path` and `package.cpath` this Lua was built with (luaconf.h's defaults, what
/// `;;` stands for in LUA_PATH and LUA_CPATH).
const char *empsh_default_path(void);
const char *empsh_default_cpath(void);

/// Limits for each top-level protected call; 0 means none.
void empsh_set_limits(lua_State *L, uint64_t instructions, uint64_t timeout_ns);
/// Asks running Lua code to stop with "interrupted!" (async-signal-safe).
void empsh_interrupt(lua_State *L);
/// Whether the current top-level call should stop, without raising: 1 interrupted, 2 past its
/// time limit, 0 neither. For host code that waits (a fetch) while Lua waits on it.
int empsh_limit_reached(lua_State *L);
/// Why a limit stopped the current (or last) top-level call: one of EMPSH_STOP_*, 0 for none.
int empsh_stop_reason(lua_State *L);
/// Records that host code stopped the call for `reason` (it raises the error itself); from now
/// on every instruction raises again, as when the hook trips.
void empsh_mark_stopped(lua_State *L, int reason);
/// Clears an interrupt request.
void empsh_clear_interrupt(lua_State *L);
/// Bytes that count against the cap now: what Lua's allocator holds from the system (whole pool
/// chunks, free blocks in them included, and large blocks) plus the bytes held for the state
/// elsewhere (`empsh_memory_hold`).
size_t empsh_memory_used(lua_State *L);
/// Whether the state holds more than the memory cap now (host code building values checks it).
int empsh_memory_exceeded(lua_State *L);
/// The state's memory account: where bytes held for it outside Lua are counted. It belongs to
/// the whole state, not to the thread `L` (a coroutine may be collected before what it started),
/// and lives until the state is closed.
void *empsh_memory_account(lua_State *L);
/// Counts `delta` bytes held outside Lua (fetched pages waiting for the script) against the cap of
/// the state whose `account` it is, or stops counting them (negative). Safe from any thread.
void empsh_memory_hold(void *account, long delta);
/// Sets the memory cap (0 = none).
void empsh_set_memory_limit(lua_State *L, size_t limit);
/// Stops the collector (lua_gc is variadic, out of Swift's reach); returns whether it was running.
int empsh_gc_stop(lua_State *L);
/// Restarts the collector.
void empsh_gc_restart(lua_State *L);
/// Runs a full collection, then returns the allocator's emptied chunks to the system.
void empsh_gc_collect(lua_State *L);

/// Line coverage (coverage.c). Counts every line the state and its coroutines run from then on,
/// in chunks loaded from files, into the process's one collector (states must not run on two
/// threads at once while attached). A script's own debug.sethook and the limits keep working.
void empsh_coverage_attach(lua_State *L);
/// The files with counted lines, in the order first seen.
int empsh_coverage_file_count(void);
/// File i's chunk name without its '@' (NULL past the end).
const char *empsh_coverage_file_name(int i);
/// File i's counts: hits[line] for line < *count (entries past the last counted line are 0).
const uint64_t *empsh_coverage_file_hits(int i, int *count);
/// Forgets every count.
void empsh_coverage_reset(void);
/// Compiles `code` (not running it) and sets lines[n] = 1 for each executable line n < capacity:
/// debug.getinfo's activelines of every function in it, without a line holding nothing but a
/// function's implicit final return. Returns LUA_OK, or an error status with the message pushed.
int empsh_coverage_lines(lua_State *L, const char *code, size_t size, const char *name, unsigned char *lines, int capacity);

/// Protected helpers: each runs one operation that may call a metamethod or raise, under pcall.
/// They return a Lua status code; on error the error object is on top.
int empsh_tolstring_p(lua_State *L, int idx);            // pushes luaL_tolstring(idx)
int empsh_gettable_p(lua_State *L, int idx);             // t[k] with k on top, replaced by value
int empsh_settable_p(lua_State *L, int idx);             // t[k] = v with k, v on top

static inline void empsh_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void empsh_newtable(lua_State *L) { lua_newtable(L); }
static inline int empsh_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int empsh_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline const char *empsh_tostring(lua_State *L, int idx) { return lua_tostring(L, idx); }
static inline lua_Number empsh_tonumber(lua_State *L, int idx) { return lua_tonumber(L, idx); }
static inline lua_Integer empsh_tointeger(lua_State *L, int idx) { return lua_tointeger(L, idx); }
static inline int empsh_isnoneornil(lua_State *L, int idx) { return lua_isnoneornil(L, idx); }
static inline void empsh_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline void *empsh_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 1); }
static inline void empsh_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline void empsh_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void empsh_replace(lua_State *L, int idx) { lua_replace(L, idx); }
static inline int empsh_loadbuffer(lua_State *L, const char *buf, size_t size, const char *name) {
    return luaL_loadbufferx(L, buf, size, name, "t");
}

#endif
