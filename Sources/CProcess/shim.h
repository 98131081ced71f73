// Process hardening that Swift cannot call itself (prctl is variadic).
#include <sys/resource.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

/// Turns core dumps off for the rest of the process: RLIMIT_CORE 0 (soft and hard, so no child raises it)
/// and, on Linux, PR_SET_DUMPABLE 0 (no core even through a pipe handler, and no ptrace by other processes
/// of the same user). Returns 0 when both held, -1 otherwise.
static inline int empsh_disable_core_dumps(void) {
    struct rlimit none = {0, 0};
    int status = setrlimit(RLIMIT_CORE, &none);
#if defined(__linux__)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) status = -1;
#endif
    return status;
}
