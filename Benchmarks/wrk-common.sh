# Shared by Benchmarks/web.sh and Benchmarks/api.sh (sourced, after $work and $server are set):
# the wrk report script each run appends, and a wait until the server is idle.

# wrk's summary line: requests, rate, errors and latency percentiles.
cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("    %d requests in %.1f s (%.1f/s), %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

# Waits until the server has finished what earlier runs left in flight (its CPU time stops growing).
idle() {
  local before after
  for _ in $(seq 1 120); do
    before=$(awk '{ print $14 + $15 }' "/proc/$server/stat"); sleep 0.5
    after=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
    [ $((after - before)) -le 2 ] && return
  done
}
