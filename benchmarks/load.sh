#!/usr/bin/env bash
# Load test: the example agent against a bare Kestrel baseline, both on loopback, driven by wrk.
# Usage: benchmarks/load.sh [seconds per scenario, default 10] [soak seconds, default 60; 0 to skip]
# AGENT_BUILD=aot runs the agent as a NativeAOT binary (needs clang and zlib1g-dev) instead of the JIT build.
# (WARMUP_SECONDS, default 8, runs each scenario unmeasured first)
# Needs dotnet and wrk (apt-get install wrk; installed here when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
soak=${2:-60}
warmup=${WARMUP_SECONDS:-8}
connections=32
threads=2

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Both are published as production would be: Release, ReadyToRun (the framework is precompiled either way).
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
echo "publishing (Release, ReadyToRun, $rid)..."
dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/Baseline" benchmarks/Baseline >/dev/null
if [ "${AGENT_BUILD:-jit}" = aot ]; then
  echo "publishing the agent with NativeAOT..."
  dotnet publish -c Release -r "$rid" -p:PublishAot=true -v q -nologo -o "$work/SecureAgent" examples/SecureAgent >/dev/null
  # The binary carries the GC budget the image runs with (examples/SecureAgent.csproj), so nothing is set here.
  agent_command=("$work/SecureAgent/SecureAgent")
else
  # An earlier NativeAOT publish leaves a self-contained deps.json in this folder, which a JIT publish would reuse.
  rm -rf "examples/SecureAgent/obj/Release/net10.0/$rid"
  dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/SecureAgent" examples/SecureAgent >/dev/null
  agent_command=(dotnet "$work/SecureAgent/SecureAgent.dll")
fi

export SWML_BASIC_AUTH_USER=signalwire
export SWML_BASIC_AUTH_PASSWORD=load-test-password-0123456789abcdef
export SIGNALWIRE_SWAIG_SECRET=load-test-secret
# transfer_funds runs only for a verified caller: the load call is verified once with the example's demo PIN.
export EXAMPLE_VERIFICATION_PIN=2468
export AUTH=$(printf '%s:%s' "$SWML_BASIC_AUTH_USER" "$SWML_BASIC_AUTH_PASSWORD" | base64 -w0)
# The logging a user gets by default: framework categories at Warning, the agent's own at Information on the
# console, and the audit trail as JSON lines on standard output (its own batched sink). Nothing is set here.
unset SWML_AUDIT_LOG_PATH

now_ms() { date +%s%3N; }

# start NAME PORT COMMAND... : starts a server; writes the ms from launch to the first 2xx answer to $work/NAME.first.
start() {
  local name=$1 port=$2; shift 2
  local t0; t0=$(now_ms)
  PORT=$port "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$work/$name.pid"
  for _ in $(seq 1 400); do
    if curl -fs -o /dev/null -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:$port/" -H 'Content-Type: application/json' -d '{}'; then
      echo $(( $(now_ms) - t0 )) >"$work/$name.first"
      return
    fi
    sleep 0.01
  done
  echo "$name did not start" >&2; cat "$work/$name.log" >&2; exit 1
}

hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

for port in 3400 3401; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
done
start baseline 3400 dotnet "$work/Baseline/Baseline.dll"
start agent 3401 "${agent_command[@]}"
baseline_first=$(cat "$work/baseline.first"); agent_first=$(cat "$work/agent.first")
baseline_pid=$(cat "$work/baseline.pid"); agent_pid=$(cat "$work/agent.pid")

swml=$(curl -fs -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST http://127.0.0.1:3401/ -H 'Content-Type: application/json' -d '{"call":{"call_id":"load-secure"}}')
# The document's last two tokens belong to its secure tools, in order: verify_caller, then transfer_funds.
tokens=$(grep -o '__token=[A-Za-z0-9_-]*' <<<"$swml" | cut -d= -f2 | tail -2)
verify_token=$(sed -n 1p <<<"$tokens")
export TOKEN=$(sed -n 2p <<<"$tokens")

# Sanity: each scenario's request gets the answer it should (not a refusal) before it is measured.
check() { local out; out=$(curl -s -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:3401$1" -H 'Content-Type: application/json' -d "$2"); grep -q "$3" <<<"$out" || { echo "sanity check failed for $1: $out" >&2; exit 1; }; }
check / '{"call":{"call_id":"x"}}' '"version":"1.0.0"'
check /swaig '{"function":"get_balance","call_id":"x","caller_id_num":"+19990000001","argument":{"parsed":[{"account_type":"savings"}]}}' 'savings balance'
check "/swaig?__token=$verify_token" '{"function":"verify_caller","call_id":"load-secure","caller_id_num":"+19990000002","argument":{"parsed":[{"code":"2468"}]}}' 'The caller is verified'
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
read -r b_rps b_p50 b_p99 b_bad < <(run baseline 3400 / swml)
read -r s_rps s_p50 s_p99 s_bad < <(run agent 3401 / swml)
read -r b1_rps _ _ _ < <(run baseline 3400 / swml 2)
read -r r_rps r_p50 r_p99 r_bad < <(run agent 3401 /swaig swaig-regular)
read -r b2_rps _ _ _ < <(run baseline 3400 / swml 2)
read -r c_rps c_p50 c_p99 c_bad < <(run agent 3401 /swaig swaig-secure)
read -r b3_rps _ _ _ < <(run baseline 3400 / swml 2)
# ratio SCENARIO_RPS BARE_BEFORE BARE_AFTER
ratio() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN {printf "%.2f", 2*a/(b+c)}'; }

echo
echo "wrk -t$threads -c$connections -d${duration}s on $(nproc) cores, loopback; Basic Auth on every request; agent build: ${AGENT_BUILD:-jit}"
printf '%-28s %10s %9s %9s %7s %9s %8s\n' scenario req/s p50 p99 non-2xx peak-RSS "x bare"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "bare Kestrel (fixed JSON)" "$b_rps" "$b_p50" "$b_p99" "$b_bad" "$(hwm_mb "$baseline_pid")" "1.00"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWML fetch (POST /)" "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$(hwm_mb "$agent_pid")" "$(ratio "$s_rps" "$b_rps" "$b1_rps")"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWAIG regular (get_balance)" "$r_rps" "$r_p50" "$r_p99" "$r_bad" "$(hwm_mb "$agent_pid")" "$(ratio "$r_rps" "$b1_rps" "$b2_rps")"
printf '%-28s %10s %9s %9s %7s %8sM %8s\n' "SWAIG secure (transfer)" "$c_rps" "$c_p50" "$c_p99" "$c_bad" "$(hwm_mb "$agent_pid")" "$(ratio "$c_rps" "$b2_rps" "$b3_rps")"
echo "bare Kestrel before and after each scenario (req/s): $b_rps $b1_rps $b2_rps $b3_rps; each ratio is against the two around it"
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
