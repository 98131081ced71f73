// libedit from Debian's libedit-dev (pkg-config `libedit`): readline-compatible line editing.
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>
