// PCRE2 needs its code unit width chosen before the header is read; Swift cannot import the
// width-generic function-like macros, so callers use the `_8` names (pcre2_compile_8, ...).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
