// A script's own hooks (debug.sethook, debug.gethook), chained behind the limit hook.
//
// Every thread runs one C hook, shim_limit_hook (limits.c): on count events it checks the
// limits, then it hands the event to the script's hook of that thread, if any. debug.sethook
// records the script's hook (function, mask, count) per thread, as ldblib does, and installs the
// C hook with the script's events added to the count the limits need; debug.gethook reports the
// script's hook only. No script can remove the limit check, and once a limit has tripped no
// script can set a hook at all. Under line coverage (coverage.c) every thread's C hook also takes
// line events, which go to the coverage count before the script's hook.
#include "control.h"
#include <string.h>

static const char HOOKKEY = 'h';  // registry[&HOOKKEY]: thread -> script hook (weak keys)

typedef struct {
    int mask;   // LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, as the script asked
    int count;  // the script's count (0 = none)
    int left;   // instructions until the script's next count event
} script_hook;

static int min_int(int a, int b) { return a < b ? a : b; }

// Pushes the script hook record of L1 (a userdata whose user value is the function) or nil.
static script_hook *get_record(lua_State *L, lua_State *L1) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &HOOKKEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_pushnil(L);
        return NULL;
    }
    if (L == L1) lua_pushthread(L);
    else { lua_pushthread(L1); lua_xmove(L1, L, 1); }
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return lua_type(L, -1) == LUA_TUSERDATA ? lua_touserdata(L, -1) : NULL;
}

// The C hook for L1 given its script hook (NULL for none): the count the limits need, and the
// script's events; count events come at most HOOK_STEP instructions apart.
// Line coverage adds line events to every thread of its state.
static int base_mask(lua_State *L1) {
    return ctl(L1)->script_hooks & SHIM_HOOKS_COVERAGE ? LUA_MASKCOUNT | LUA_MASKLINE : LUA_MASKCOUNT;
}

void shim_install_hook(lua_State *L1, const script_hook *h) {
    if (!h) { lua_sethook(L1, shim_limit_hook, base_mask(L1), HOOK_STEP); return; }
    int count = h->count ? min_int(HOOK_STEP, h->left) : HOOK_STEP;
    lua_sethook(L1, shim_limit_hook, (h->mask & ~LUA_MASKCOUNT) | base_mask(L1), count);
}

// The hook a top-level call starts with on the main thread: the script's, if it set one.
void shim_reset_main_hook(lua_State *L) {
    control *c = ctl(L);
    if (!c->script_hooks || !lua_checkstack(L, 3)) { shim_install_hook(L, NULL); return; }
    script_hook *h = get_record(L, L);
    if (h) h->left = h->count;
    shim_install_hook(L, h);
    lua_pop(L, 1);
}

// Called by shim_limit_hook after the limit check, when some script has set a hook or coverage
// is counted; line coverage sees each line event first.
void shim_script_hook(lua_State *L, lua_Debug *ar) {
    static const char *const names[] = {"call", "return", "line", "count", "tail call"};
    int wanted = ctl(L)->script_hooks;
    if (wanted & SHIM_HOOKS_COVERAGE) {
        if (ar->event == LUA_HOOKLINE) shim_coverage_line(L, ar);
        if (!(wanted & SHIM_HOOKS_SCRIPT)) return;
    }
    script_hook *h = get_record(L, L);
    if (!h) {  // a thread that inherited its creator's mask, not its hook (as in Lua)
        lua_pop(L, 1);
        if (lua_gethookmask(L) != base_mask(L) || lua_gethookcount(L) != HOOK_STEP) shim_install_hook(L, NULL);
        return;
    }
    int fire = 0;
    switch (ar->event) {
    case LUA_HOOKCALL: case LUA_HOOKTAILCALL: fire = h->mask & LUA_MASKCALL; break;
    case LUA_HOOKRET: fire = h->mask & LUA_MASKRET; break;
    case LUA_HOOKLINE: fire = h->mask & LUA_MASKLINE; break;
    case LUA_HOOKCOUNT:
        if (h->count) {
            h->left -= lua_gethookcount(L);
            if (h->left <= 0) { fire = 1; h->left = h->count; }
            if (min_int(HOOK_STEP, h->left) != lua_gethookcount(L)) shim_install_hook(L, h);
        }
        break;
    }
    if (!fire) { lua_pop(L, 1); return; }
    lua_getiuservalue(L, -1, 1);
    lua_remove(L, -2);
    lua_pushstring(L, names[ar->event]);
    if (ar->currentline >= 0) lua_pushinteger(L, ar->currentline); else lua_pushnil(L);
    lua_call(L, 2, 0);
}

static lua_State *getthread(lua_State *L, int *arg) {
    if (lua_isthread(L, 1)) { *arg = 1; return lua_tothread(L, 1); }
    *arg = 0;
    return L;
}

// debug.sethook([thread,] hook, mask [, count]) as ldblib's, the limit hook kept underneath.
static int db_sethook(lua_State *L) {
    int arg;
    control *c = ctl(L);
    if (c->tripped) return luaL_error(L, "%s", shim_stop_message(c->tripped));
    lua_State *L1 = getthread(L, &arg);
    int mask = 0, count = 0;
    if (lua_isnoneornil(L, arg + 1)) {
        lua_settop(L, arg + 1);
    } else {
        const char *smask = luaL_checkstring(L, arg + 2);
        luaL_checktype(L, arg + 1, LUA_TFUNCTION);
        lua_Integer n = luaL_optinteger(L, arg + 3, 0);
        count = n <= 0 ? 0 : n > 0x7fffffff ? 0x7fffffff : (int)n;
        if (strchr(smask, 'c')) mask |= LUA_MASKCALL;
        if (strchr(smask, 'r')) mask |= LUA_MASKRET;
        if (strchr(smask, 'l')) mask |= LUA_MASKLINE;
        if (count > 0) mask |= LUA_MASKCOUNT;
    }
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &HOOKKEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_pushvalue(L, -1);
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &HOOKKEY);
    }
    if (L1 == L) lua_pushthread(L);
    else { if (!lua_checkstack(L1, 1)) return luaL_error(L, "stack overflow"); lua_pushthread(L1); lua_xmove(L1, L, 1); }
    script_hook *h = NULL;
    if (mask == 0) {
        lua_pushnil(L);
    } else {
        h = lua_newuserdatauv(L, sizeof(script_hook), 1);
        h->mask = mask;
        h->count = count;
        h->left = count;
        lua_pushvalue(L, arg + 1);
        lua_setiuservalue(L, -2, 1);
        c->script_hooks |= SHIM_HOOKS_SCRIPT;
    }
    lua_rawset(L, -3);
    shim_install_hook(L1, h);
    return 0;
}

// debug.gethook([thread]): the script's hook of the thread, its mask and count; fail for none.
static int db_gethook(lua_State *L) {
    int arg;
    lua_State *L1 = getthread(L, &arg);
    script_hook *h = get_record(L, L1);
    if (!h) { lua_pushnil(L); return 1; }
    char buff[5];
    int i = 0;
    if (h->mask & LUA_MASKCALL) buff[i++] = 'c';
    if (h->mask & LUA_MASKRET) buff[i++] = 'r';
    if (h->mask & LUA_MASKLINE) buff[i++] = 'l';
    buff[i] = '\0';
    lua_getiuservalue(L, -1, 1);
    lua_remove(L, -2);
    lua_pushstring(L, buff);
    lua_pushinteger(L, h->count);
    return 3;
}

void shim_open_hooks(lua_State *L) {
    if (lua_getglobal(L, "debug") == LUA_TTABLE) {
        lua_pushcfunction(L, db_sethook);
        lua_setfield(L, -2, "sethook");
        lua_pushcfunction(L, db_gethook);
        lua_setfield(L, -2, "gethook");
    }
    lua_pop(L, 1);
}
