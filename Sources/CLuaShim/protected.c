// Protected helpers: each runs one operation that may call a metamethod or raise, under pcall.
#include "CLuaShim.h"

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
