# Sourced by load.sh and side-by-side.sh: the example agent's settings for a load run, how it is published, and the
# set-up of the secure scenario's call. Expects to run from the repository root. Gives the script a scratch folder,
# $work, and an array, pids: on exit every process in pids is stopped and the folder removed.

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

export SWML_BASIC_AUTH_USER=signalwire
export SWML_BASIC_AUTH_PASSWORD=load-test-password-0123456789abcdef
export SIGNALWIRE_SWAIG_SECRET=load-test-secret
# transfer_funds runs only for a verified caller: the load call is verified once with the example's demo PIN.
export EXAMPLE_VERIFICATION_PIN=2468
export AUTH=$(printf '%s:%s' "$SWML_BASIC_AUTH_USER" "$SWML_BASIC_AUTH_PASSWORD" | base64 -w0)
# The logging a user gets by default: framework categories at Warning, the agent's own at Information on the
# console, and the audit trail as JSON lines on standard output (its own batched sink). Nothing is set here.
unset SWML_AUDIT_LOG_PATH

# publish_agent jit|aot DIR: publishes examples/SecureAgent as production would (Release; the JIT build ReadyToRun and
# framework-dependent, as deploy/container/Dockerfile; the native build as Dockerfile.aot, with the settings its project
# file compiles in, so nothing is set at run time). Prints the command that runs it. aot needs clang and zlib1g-dev.
publish_agent() {
  if [ "$1" = aot ]; then
    dotnet publish -c Release -r "$rid" -p:PublishAot=true -v q -nologo -o "$2" examples/SecureAgent >/dev/null
    echo "$2/SecureAgent"
  else
    # An earlier NativeAOT publish leaves a self-contained deps.json in this folder, which a JIT publish would reuse.
    rm -rf "examples/SecureAgent/obj/Release/net10.0/$rid"
    dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$2" examples/SecureAgent >/dev/null
    echo "dotnet $2/SecureAgent.dll"
  fi
}

# start_secure_call PORT: starts call "load-secure" on the agent at PORT and sets VERIFY_TOKEN and TOKEN, the tokens of
# its two secure tools (the document lists them last, in this order: verify_caller, then transfer_funds).
start_secure_call() {
  local swml tokens
  swml=$(curl -fs -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:$1/" -H 'Content-Type: application/json' -d '{"call":{"call_id":"load-secure"}}')
  tokens=$(grep -o '__token=[A-Za-z0-9_-]*' <<<"$swml" | cut -d= -f2 | tail -2)
  VERIFY_TOKEN=$(sed -n 1p <<<"$tokens")
  TOKEN=$(sed -n 2p <<<"$tokens")
}

# verify_secure_caller PORT: verifies the secure call's caller with the demo PIN (after start_secure_call); prints the answer.
verify_secure_caller() {
  curl -s -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:$1/swaig?__token=$VERIFY_TOKEN" -H 'Content-Type: application/json' \
    -d '{"function":"verify_caller","call_id":"load-secure","caller_id_num":"+19990000002","argument":{"parsed":[{"code":"2468"}]}}'
}

# ensure_free_ports PORT...: stops the script if something already answers on one of them.
ensure_free_ports() {
  local port
  for port in "$@"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
  done
}

# wait_until_serving PORT PID: waits (up to 4 s) for a 2xx answer to an authenticated POST /; fails if PID exits first.
wait_until_serving() {
  for _ in $(seq 1 400); do
    curl -fs -o /dev/null -u "$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD" -X POST "http://127.0.0.1:$1/" -H 'Content-Type: application/json' -d '{}' && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}

hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {printf "%.2f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
