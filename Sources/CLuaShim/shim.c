#include "control.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A state with its limits (limits.c), the trampoline through which Lua calls Swift, and the
// protected call that starts each top-level run.

static empsh_dispatch_fn dispatch_fn;
static empsh_release_fn release_fn;

void empsh_set_callbacks(empsh_dispatch_fn dispatch, empsh_release_fn release) {
    dispatch_fn = dispatch;
    release_fn = release;
}

// Reached only by an error outside any protected call (a bug): say so before aborting.
static int panic(lua_State *L) {
    const char *message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)";
    fprintf(stderr, "empsh: internal error: Lua panic: %s\n", message);
    fflush(stderr);
    abort();
    return 0;
}

// warn() as lua5.4's (lauxlib's warnf): off until "@on", "Lua warning: " and the pieces on
// standard error, "@off" and "@on" as control messages.
static void warn_on(void *ud, const char *message, int tocont);
static void warn_off(void *ud, const char *message, int tocont);

static int warn_control(lua_State *L, const char *message, int tocont) {
    if (tocont || *(message++) != '@') return 0;
    if (strcmp(message, "off") == 0) lua_setwarnf(L, warn_off, L);
    else if (strcmp(message, "on") == 0) lua_setwarnf(L, warn_on, L);
    return 1;
}

static void warn_off(void *ud, const char *message, int tocont) { warn_control(ud, message, tocont); }

static void warn_continue(void *ud, const char *message, int tocont) {
    lua_State *L = ud;
    fputs(message, stderr);
    if (tocont) {
        lua_setwarnf(L, warn_continue, L);
    } else {
        fputs("\n", stderr);
        fflush(stderr);
        lua_setwarnf(L, warn_on, L);
    }
}

static void warn_on(void *ud, const char *message, int tocont) {
    if (warn_control(ud, message, tocont)) return;
    fputs("Lua warning: ", stderr);
    warn_continue(ud, message, tocont);
}

void shim_open_warnings(lua_State *L) { lua_setwarnf(L, warn_off, L); }

lua_State *empsh_newstate(size_t memory_limit) {
    control *c = calloc(1, sizeof(control));
    if (!c) return NULL;
    c->limit = memory_limit;
    lua_State *L = lua_newstate(shim_limited_alloc, c);
    if (!L) { pool_release(&c->blocks); free(c); return NULL; }
    *(control **)lua_getextraspace(L) = c;
    c->main = L;
    lua_atpanic(L, panic);
    luaL_openlibs(L);
    shim_open_hooks(L);
    shim_open_warnings(L);
    lua_sethook(L, shim_limit_hook, LUA_MASKCOUNT, HOOK_STEP);
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

// Raises the limit that stopped the call again (a script's pcall cannot swallow it).
static int raise_stop(lua_State *L, control *c, int reason) {
    shim_mark(L, c, reason);
    return luaL_error(L, "%s", shim_stop_message(reason));
}

// The trampoline: the only place a Swift function's error becomes lua_error. Swift has
// returned before the longjmp, so no Swift frame is ever unwound by it. Once a limit has
// stopped the call (or its deadline or Ctrl-C has passed), every call raises it again, before
// the function runs and when it returns, whatever it returned or raised.
static int trampoline(lua_State *L) {
    void **slot = lua_touserdata(L, lua_upvalueindex(1));
    control *c = ctl(L);
    if (c->closing || !*slot) return luaL_error(L, "empsh is closing: the call was refused");
    if (c->tripped && c->depth > 0) return raise_stop(L, c, c->tripped);
    int enforce = c->enforce;
    c->enforce = 0;
    int n = dispatch_fn(L, *slot);
    c->enforce = enforce;
    int reached = empsh_limit_reached(L);
    if (reached) return raise_stop(L, c, reached == 1 ? EMPSH_STOP_INTERRUPT : EMPSH_STOP_TIME);
    if (n == EMPSH_RAISE) return lua_error(L);
    if (c->limit && enforce && shim_footprint(c) > c->limit) {
        shim_collect(L);
        if (shim_footprint(c) > c->limit) return luaL_error(L, "not enough memory");
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
    int base = lua_gettop(L) - nargs - 1;
    if (c->depth == 0) {
        shim_reset_main_hook(c->main);
        c->executed = 0;
        c->deadline_ns = c->timeout_ns ? shim_now_ns() + c->timeout_ns : 0;
        c->interrupted = 0;
        c->tripped = 0;
    }
    int enforce = c->enforce;
    c->enforce = 1;
    c->depth++;
    int status = lua_pcall(L, nargs, nresults, msgh);
    c->depth--;
    c->enforce = enforce;
    // A limit the script caught (pcall) and returned past still fails the top-level call.
    if (c->depth == 0 && status == LUA_OK && c->tripped) {
        lua_settop(L, base);
        lua_pushstring(L, shim_stop_message(c->tripped));
        status = LUA_ERRRUN;
    }
    return status;
}

const char *empsh_default_path(void) { return LUA_PATH_DEFAULT; }
const char *empsh_default_cpath(void) { return LUA_CPATH_DEFAULT; }

int empsh_msghandler(lua_State *L) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "empsh.traceback");
    return 1;
}

