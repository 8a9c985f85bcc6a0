#!/usr/bin/env bash
# Load test: the example agent against a bare Kestrel baseline, both on loopback, driven by wrk.
# Usage: benchmarks/load.sh [seconds per scenario, default 10] [soak seconds, default 60; 0 to skip]
# AGENT_BUILD=aot runs the agent as a NativeAOT binary (needs clang and zlib1g-dev) instead of the JIT build.
# (WARMUP_SECONDS, default 8, runs each scenario unmeasured first; ROUNDS, default 1, repeats the measurements)
# Needs dotnet and wrk (apt-get install wrk; installed here when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
soak=${2:-60}
warmup=${WARMUP_SECONDS:-8}
connections=32
threads=2

# shellcheck source=agent-env.sh
. benchmarks/agent-env.sh

# Both are published as production would be: Release, ReadyToRun (the framework is precompiled either way).
echo "publishing (Release, $rid, agent build: ${AGENT_BUILD:-jit})..."
dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/Baseline" benchmarks/Baseline >/dev/null
agent_line=$(publish_agent "${AGENT_BUILD:-jit}" "$work/SecureAgent")
read -r -a agent_command <<<"$agent_line"

now_ms() { date +%s%3N; }

# start NAME PORT COMMAND... : starts a server; writes the ms from launch to the first 2xx answer to $work/NAME.first.
start() {
  local name=$1 port=$2; shift 2
  local t0; t0=$(now_ms)
  PORT=$port "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$work/$name.pid"
  wait_until_serving "$port" "$pid" || { echo "$name did not start" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo $(( $(now_ms) - t0 )) >"$work/$name.first"
}

ensure_free_ports 3400 3401
start baseline 3400 dotnet "$work/Baseline/Baseline.dll"
start agent 3401 "${agent_command[@]}"
baseline_first=$(cat "$work/baseline.first"); agent_first=$(cat "$work/agent.first")
baseline_pid=$(cat "$work/baseline.pid"); agent_pid=$(cat "$work/agent.pid")

start_secure_call 3401
export TOKEN

# Sanity: each scenario's request gets the answer it should (not a refusal) before it is measured.
check() { local out; out=$(curl -s -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:3401$1" -H 'Content-Type: application/json' -d "$2"); grep -q "$3" <<<"$out" || { echo "sanity check failed for $1: $out" >&2; exit 1; }; }
check / '{"call":{"call_id":"x"}}' '"version":"1.0.0"'
check /swaig '{"function":"get_balance","call_id":"x","caller_id_num":"+19990000001","argument":{"parsed":[{"account_type":"savings"}]}}' 'savings balance'
grep -q 'The caller is verified' <<<"$(verify_secure_caller 3401)" || { echo "sanity check failed: the load call's caller was not verified" >&2; exit 1; }
check "/swaig?__token=$TOKEN" '{"function":"transfer_funds","call_id":"load-secure","caller_id_num":"+19990000002","argument":{"parsed":[{"amount":25.5,"to_account":"1234567890","confirmed":true}]}}' 'Transferred'

# run NAME PORT PATH LUA : prints "req/s p50 p99 non2xx"
run() {
  local out
  # Warm-up long enough for tiered compilation to finish: a profile (perf) of the agent 3-11 s after start
  # still showed 8 % of its CPU in the JIT, which a server that runs for hours never pays again.
  wrk -t$threads -c$connections -d"${5:-$warmup}s" -s "benchmarks/lua/$4.lua" "http://127.0.0.1:$2$3" >/dev/null 2>&1
  out=$(wrk -t$threads -c$connections -d"${duration}s" --latency -s "benchmarks/lua/$4.lua" "http://127.0.0.1:$2$3" 2>&1)
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  echo "$rps $p50 $p99 $non2xx"
}

# The bare baseline runs before and after every agent scenario, and each ratio is against the mean of the two
# runs around it: on a shared machine whose speed drifts over minutes, one baseline measured first would skew
# every later ratio. (Later baseline runs are already warm: a 2 s warm-up.)
# ROUNDS (default 1) repeats the whole sequence; the table shows the first round's figures and each ratio's median
# over the rounds (on a noisy machine one round can land anywhere in a +-10 % band).
rounds=${ROUNDS:-1}
# ratio SCENARIO_RPS BARE_BEFORE BARE_AFTER
ratio() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN {printf "%.2f", 2*a/(b+c)}'; }
s_ratios=""; r_ratios=""; c_ratios=""; bare_runs=""
read -r b_rps b_p50 b_p99 b_bad < <(run baseline 3400 / swml)
before=$b_rps
for round in $(seq 1 "$rounds"); do
  warm=$warmup; [ "$round" -gt 1 ] && warm=2  # later rounds are warm already
  read -r s1 s2 s3 s4 < <(run agent 3401 / swml "$warm")
  read -r b1 _ _ _ < <(run baseline 3400 / swml 2)
  read -r r1 r2 r3 r4 < <(run agent 3401 /swaig swaig-regular "$warm")
  read -r b2 _ _ _ < <(run baseline 3400 / swml 2)
  read -r c1 c2 c3 c4 < <(run agent 3401 /swaig swaig-secure "$warm")
  read -r b3 _ _ _ < <(run baseline 3400 / swml 2)
  if [ "$round" = 1 ]; then
    s_rps=$s1 s_p50=$s2 s_p99=$s3 s_bad=$s4; r_rps=$r1 r_p50=$r2 r_p99=$r3 r_bad=$r4; c_rps=$c1 c_p50=$c2 c_p99=$c3 c_bad=$c4
  fi
  s_ratios+=" $(ratio "$s1" "$before" "$b1")"; r_ratios+=" $(ratio "$r1" "$b1" "$b2")"; c_ratios+=" $(ratio "$c1" "$b2" "$b3")"
  bare_runs+=" $before $b1 $b2 $b3"
  [ "$rounds" -gt 1 ] && echo "round $round: SWML $(ratio "$s1" "$before" "$b1"), regular $(ratio "$r1" "$b1" "$b2"), secure $(ratio "$c1" "$b2" "$b3") x bare; p99 $s3 / $r3 / $c3"
  before=$b3
done

echo
echo "wrk -t$threads -c$connections -d${duration}s on $(nproc) cores, loopback; Basic Auth on every request; agent build: ${AGENT_BUILD:-jit}"
printf '%-28s %10s %9s %9s %7s %9s %8s\n' scenario req/s p50 p99 non-2xx peak-RSS "x bare"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "bare Kestrel (fixed JSON)" "$b_rps" "$b_p50" "$b_p99" "$b_bad" "$(hwm_mb "$baseline_pid")" "1.00"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWML fetch (POST /)" "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$(hwm_mb "$agent_pid")" "$(median <<<"$s_ratios")"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWAIG regular (get_balance)" "$r_rps" "$r_p50" "$r_p99" "$r_bad" "$(hwm_mb "$agent_pid")" "$(median <<<"$r_ratios")"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWAIG secure (transfer)" "$c_rps" "$c_p50" "$c_p99" "$c_bad" "$(hwm_mb "$agent_pid")" "$(median <<<"$c_ratios")"
echo "bare Kestrel before and after each scenario (req/s):$bare_runs; each ratio is against the two runs around it"
[ "$rounds" -gt 1 ] && echo "x bare is the median over $rounds rounds (SWML:$s_ratios; regular:$r_ratios; secure:$c_ratios)"
echo "first request served: bare ${baseline_first} ms, agent ${agent_first} ms after process start"
echo "audit lines written (agent standard output): $(grep -c '^{"timestamp"' "$work/agent.log")"

if [ "$soak" -gt 0 ]; then
  echo
  echo "soak: SWAIG regular for ${soak}s, agent RSS every 10 s (MB):"
  wrk -t$threads -c$connections -d"${soak}s" -s benchmarks/lua/swaig-regular.lua http://127.0.0.1:3401/swaig >"$work/soak.out" 2>&1 &
  soak_pid=$!
  samples=()
  for _ in $(seq 1 $(( soak / 10 ))); do sleep 10; samples+=("$(rss_mb "$agent_pid")"); done
  wait "$soak_pid" || true
  echo "  ${samples[*]}  (peak $(hwm_mb "$agent_pid") MB; $(awk '/Requests\/sec/ {print $2}' "$work/soak.out") req/s)"
fi
