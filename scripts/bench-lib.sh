# Shared by scripts/bench-payout, bench-ratio and bench-score (sourced, not run): runs one huzhu
# command RUNS times and prints its median wall time, peak RSS, the phase lines of huzhu's own log
# (-v) and rows/s. Nothing here asserts a time.
#
#   bench_huzhu LABEL OUT_DIR ROWS -- huzhu-args...
# Needs $build (the build folder) and $runs.
bench_huzhu() {
  local label="$1" out="$2" rows="$3"
  shift 4
  local times=() rss=() log
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    log=$(/usr/bin/time -f "@@ %e %M" "$build/huzhu" -v "$@" --out "$out" 2>&1 >/dev/null || true)
    times+=("$(echo "$log" | awk '/^@@/ {print $2}')")
    rss+=("$(echo "$log" | awk '/^@@/ {print $3}')")
  done
  if [ ! -d "$out" ]; then
    echo "$label: FAILED (no output); last log:"
    echo "$log" | sed 's/^/    /'
    return 1
  fi
  local median peak
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  echo "$label: median ${median} s over $runs runs, peak RSS $((peak / 1024)) MB"
  echo "$log" | grep -E "^info: .*(行|单位|计算|写出|rows|units|compute|write)" | sed 's/^/    /'
  awk -v m="$rows" -v t="$median" 'BEGIN { printf "    %.0f member rows/s overall\n", m / t }'
}
