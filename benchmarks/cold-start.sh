#!/usr/bin/env bash
# Cold start of examples/SecureAgent, as a serverless platform sees it: from process launch to the first /health
# answer and to the first authenticated SWML document, and the resident memory then. Compares the JIT build
# (ReadyToRun, framework-dependent: what deploy/container/Dockerfile ships) with NativeAOT (Dockerfile.aot and the
# Lambda image). Usage: benchmarks/cold-start.sh [runs=10]. Needs clang and zlib1g-dev for the AOT publish, and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "publishing (Release) ..."
# An earlier NativeAOT publish leaves a self-contained deps.json in this folder, which a JIT publish would reuse.
rm -rf examples/SecureAgent/obj/Release/net10.0/linux-x64
dotnet publish examples/SecureAgent -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/jit" >/dev/null
dotnet publish examples/SecureAgent -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

measure() { # label, command...
  local label=$1; shift
  local health=() swml=() rss=()
  for _ in $(seq 1 "$runs"); do
    # Below the ephemeral range, so no outgoing connection holds the port when the agent binds it.
    local port; port=$(( 20000 + RANDOM % 12000 ))
    local start; start=$(date +%s%N)
    PORT=$port SignalWire__Agent__Host=127.0.0.1 SWML_BASIC_AUTH_USER=bench SWML_BASIC_AUTH_PASSWORD=bench-password-0123456789abcdef \
      SIGNALWIRE_SWAIG_SECRET=bench-secret SWML_AUDIT_LOG_PATH=none "$@" >/dev/null 2>&1 &
    local pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || { echo "$label: the agent exited before answering" >&2; exit 1; }
      sleep 0.005
    done
    health+=("$(ms "$start")")
    curl -fsS -o /dev/null -u bench:bench-password-0123456789abcdef -H 'Content-Type: application/json' -d '{"call_id":"c1"}' "http://127.0.0.1:$port/"
    swml+=("$(ms "$start")")
    rss+=("$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%6d %6d %6d", a[1], a[int((NR+1)/2)], a[NR]}'; }
  printf '%-22s %s   %s   %s\n' "$label" "$(stats "${health[@]}")" "$(stats "${swml[@]}")" "$(stats "${rss[@]}")"
}

echo
echo "$runs launches each; milliseconds from launch (min median max), resident memory in MB after the first document"
printf '%-22s %-20s   %-20s   %s\n' "build" "first /health" "first SWML" "RSS MB"
measure "JIT (ReadyToRun)" dotnet "$work/jit/SecureAgent.dll"
measure "NativeAOT" "$work/aot/SecureAgent"
