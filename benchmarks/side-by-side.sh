#!/usr/bin/env bash
# The JIT and NativeAOT builds of examples/SecureAgent under the same load at the same time: each build on its own port,
# each driven by its own wrk (one thread, 16 connections) in the same 8 s windows, so that a shared machine's drifting
# speed slows both alike. What is compared is the server's CPU time per request (user + system, from /proc), trial by
# trial; on a machine whose speed moves by a fifth from one minute to the next, runs taken one after the other (load.sh)
# cannot resolve a difference of a few per cent, and this can.
# Usage: benchmarks/side-by-side.sh [trials per scenario, default 8]   (WARMUPS, default 3: unmeasured windows first,
# long enough for the JIT build's tiered compilation and dynamic PGO to settle). Needs wrk, clang and zlib1g-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-8}
warmups=${WARMUPS:-3}

# shellcheck source=agent-env.sh
. benchmarks/agent-env.sh

declare -A port_of=([jit]=3401 [aot]=3402) command_of pid_of token_of ticks_of us_of
ensure_free_ports "${port_of[@]}"
echo "publishing both builds (Release, $rid)..."
for build in jit aot; do command_of[$build]=$(publish_agent "$build" "$work/$build"); done
for build in jit aot; do
  port=${port_of[$build]}
  read -r -a command <<<"${command_of[$build]}"
  PORT=$port "${command[@]}" >"$work/$build.log" 2>&1 &
  pid_of[$build]=$!
  pids+=("$!")
  wait_until_serving "$port" "${pid_of[$build]}" || { echo "the $build build did not start" >&2; cat "$work/$build.log" >&2; exit 1; }
  start_secure_call "$port"
  grep -q 'The caller is verified' <<<"$(verify_secure_caller "$port")" || { echo "the $build build did not verify the load call's caller" >&2; exit 1; }
  token_of[$build]=$TOKEN
done

hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Each wrk run numbers its callers from a new base, so no caller comes back often enough to reach its per-minute limit
# (a refused call is cheaper, and would flatter whichever build got more of them).
base=0
# window LUA PATH: one 8 s window with both builds loaded; writes each build's wrk output to $work/BUILD.out.
window() {
  base=$(( base + 250000 ))
  local build runs=()
  for build in jit aot; do
    COUNTER_BASE=$base TOKEN=${token_of[$build]} wrk -t1 -c16 -d8s -s "benchmarks/lua/$1.lua" "http://127.0.0.1:${port_of[$build]}$2" >"$work/$build.out" 2>&1 &
    runs+=("$!")
  done
  wait "${runs[@]}"
}
requests() { awk '/requests in/ {print $1}' "$work/$1.out"; }
refused() { awk '/Non-2xx/ {print $NF}' "$work/$1.out" | grep . || echo 0; }

echo
echo "CPU time per request (microseconds), both builds loaded at once, $trials windows of 8 s per scenario after $warmups unmeasured ones"
printf '%-28s %-34s %-34s %s\n' scenario "JIT (ReadyToRun) per trial" "NativeAOT per trial" "native / JIT: median (trials)"
for scenario in "swml /" "swaig-regular /swaig" "swaig-secure /swaig"; do
  read -r lua path <<<"$scenario"
  for _ in $(seq 1 "$warmups"); do window "$lua" "$path"; done
  us_of=([jit]="" [aot]=""); ratios="" bad=0
  for _ in $(seq 1 "$trials"); do
    for build in jit aot; do ticks_of[$build]=$(cpu_ticks "${pid_of[$build]}"); done
    window "$lua" "$path"
    for build in jit aot; do
      us=$(awk -v a="${ticks_of[$build]}" -v b="$(cpu_ticks "${pid_of[$build]}")" -v hz="$hz" -v r="$(requests "$build")" 'BEGIN {printf "%.1f", (b - a) * 1e6 / hz / r}')
      us_of[$build]+=" $us"
      bad=$(( bad + $(refused "$build") ))
    done
    ratios+=" $(awk -v j="${us_of[jit]##* }" -v a="${us_of[aot]##* }" 'BEGIN {printf "%.3f", a / j}')"
  done
  printf '%-28s %-34s %-34s %s (%s)\n' "$lua" "median $(median <<<"${us_of[jit]}") ($(xargs <<<"${us_of[jit]}"))" \
    "median $(median <<<"${us_of[aot]}") ($(xargs <<<"${us_of[aot]}"))" "$(median <<<"$ratios")" "$(xargs <<<"$ratios")"
  if [ "$bad" -gt 0 ]; then echo "  warning: $bad non-2xx answers in $lua: the figures above include refusals"; fi
done
echo "peak RSS: JIT $(hwm_mb "${pid_of[jit]}") MB, NativeAOT $(hwm_mb "${pid_of[aot]}") MB"
echo "A ratio of 1.10 means the native build needs 10 % more CPU per request: 0.91 of the JIT build's throughput on the same CPU."
