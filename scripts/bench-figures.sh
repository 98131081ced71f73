# Sourced by scripts/bench-*: `figure` records one figure of issue 12's table (its value, the ratio
# against the baseline measured in the same run, the target) so that scripts/bench can print them
# all together at the end. Also printed at once, so a bench run alone shows its own.
#
#   figure NAME VALUE RATIO TARGET MET
#     NAME    what is measured, e.g. "each{} 100 000 rows vs python requests"
#     VALUE   the measurement with its unit, e.g. "0.41 s"
#     RATIO   against its baseline, e.g. "5.2x faster" or "0.55x"
#     TARGET  e.g. ">= 5x faster"
#     MET     1 when the target holds, else 0
# Environment: BENCH_FIGURES, a file the lines are appended to (tab-separated); none by default.
figure() {
    local verdict=MISSED
    [[ "$5" == 1 ]] && verdict=met
    printf '  figure: %-52s %12s %14s   target %-14s %s\n' "$1" "$2" "$3" "$4" "$verdict"
    if [[ -n "${BENCH_FIGURES:-}" ]]; then printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$verdict" >>"$BENCH_FIGURES"; fi
}

# awk_test EXPR VARS...: 1 when the awk expression over a, b, c holds, else 0.
awk_test() { awk -v a="${2:-0}" -v b="${3:-0}" -v c="${4:-0}" "BEGIN { print (($1) ? 1 : 0) }"; }
