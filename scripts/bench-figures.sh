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
# Environment: BENCH_FIGURES, a file the lines are appended to (fields separated by \x1f, which an
# empty field cannot collapse as it would a tab); none by default.
figure() {
    local verdict=MISSED
    [[ "$5" == 1 ]] && verdict=met
    printf '  figure: %-52s %12s %14s   target %-14s %s\n' "$1" "$2" "$3" "$4" "$verdict"
    if [[ -n "${BENCH_FIGURES:-}" ]]; then printf '%s\x1f%s\x1f%s\x1f%s\x1f%s\n' "$1" "$2" "$3" "$4" "$verdict" >>"$BENCH_FIGURES"; fi
}

# awk_test EXPR A [B [C]]: 1 when the awk expression over a, b, c holds, else 0; always 0 when a value
# given is not a number (a failed measurement never meets its target).
awk_test() {
    local value
    for value in "${@:2}"; do [[ "$value" =~ ^-?[0-9]+(\.[0-9]+)?$ ]] || { echo 0; return; }; done
    awk -v a="${2:-0}" -v b="${3:-0}" -v c="${4:-0}" "BEGIN { print (($1) ? 1 : 0) }"
}
