#!/usr/bin/env bash
# Routing cost of an AgentServer: the example agent served alone (agent.Run()), then as the only agent of an
# AgentServer, then as one of 50 agents on it; SWML and SWAIG (get_balance) throughput of that one agent.
# Usage: benchmarks/multi-agent.sh [seconds per scenario, default 10] [agents, default 50]
# (WARMUP_SECONDS, default 8, runs each scenario unmeasured first.) Needs dotnet and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
agents=${2:-50}
warmup=${WARMUP_SECONDS:-8}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
echo "publishing (Release, ReadyToRun, $rid)..."
for project in examples/SecureAgent benchmarks/MultiAgentServer; do
  dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/$(basename "$project")" "$project" >/dev/null
done

export SWML_BASIC_AUTH_USER=signalwire
export SWML_BASIC_AUTH_PASSWORD=load-test-password-0123456789abcdef
export SIGNALWIRE_SWAIG_SECRET=load-test-secret
export AUTH=$(printf '%s:%s' "$SWML_BASIC_AUTH_USER" "$SWML_BASIC_AUTH_PASSWORD" | base64 -w0)
port=3402

# serve ROUTE COMMAND... : starts a server and waits until ROUTE answers an SWML fetch.
serve() {
  local route=$1; shift
  PORT=$port "$@" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 400); do
    if curl -fs -o /dev/null -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:$port$route/" -H 'Content-Type: application/json' -d '{}'; then return; fi
    sleep 0.01
  done
  echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# measure ROUTE LUA : prints req/s and p99 of one scenario against the agent at ROUTE.
measure() {
  local out
  ROUTE=$1 wrk -t2 -c32 -d"${warmup}s" -s "benchmarks/lua/$2.lua" "http://127.0.0.1:$port/" >/dev/null 2>&1
  out=$(ROUTE=$1 wrk -t2 -c32 -d"${duration}s" --latency -s "benchmarks/lua/$2.lua" "http://127.0.0.1:$port/" 2>&1)
  if grep -q Non-2xx <<<"$out"; then echo "non-2xx answers in $2 at '$1'" >&2; echo "$out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}

middle="/agent-$(( agents / 2 ))"
serve "" dotnet "$work/SecureAgent/SecureAgent.dll"
read -r a_swml a_swml99 < <(measure "" swml); read -r a_swaig a_swaig99 < <(measure "" swaig-regular); stop
AGENT_COUNT=1 serve /agent-0 dotnet "$work/MultiAgentServer/MultiAgentServer.dll"
read -r o_swml o_swml99 < <(measure /agent-0 swml); read -r o_swaig o_swaig99 < <(measure /agent-0 swaig-regular); stop
AGENT_COUNT=$agents serve "$middle" dotnet "$work/MultiAgentServer/MultiAgentServer.dll"
read -r m_swml m_swml99 < <(measure "$middle" swml); read -r m_swaig m_swaig99 < <(measure "$middle" swaig-regular); stop

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
echo
echo "wrk -t2 -c32 -d${duration}s on $(nproc) cores, loopback; the example agent, every layer on"
printf '%-34s %12s %9s %12s %9s\n' served "SWML req/s" p99 "SWAIG req/s" p99
printf '%-34s %12s %9s %12s %9s\n' "alone (agent.Run())" "$a_swml" "$a_swml99" "$a_swaig" "$a_swaig99"
printf '%-34s %12s %9s %12s %9s\n' "AgentServer, 1 agent" "$o_swml" "$o_swml99" "$o_swaig" "$o_swaig99"
printf '%-34s %12s %9s %12s %9s\n' "AgentServer, $agents agents ($middle)" "$m_swml" "$m_swml99" "$m_swaig" "$m_swaig99"
echo "$agents agents vs alone: SWML $(ratio "$m_swml" "$a_swml"), SWAIG $(ratio "$m_swaig" "$a_swaig"); vs 1 agent on the server: SWML $(ratio "$m_swml" "$o_swml"), SWAIG $(ratio "$m_swaig" "$o_swaig")"
