#!/usr/bin/env bash
# Two replicas of the example agent behind nginx, sharing one Redis, all on loopback.
# Checks that a secure-tool token minted through one replica works on the other, and that a per-caller
# limit counts across both. Needs: dotnet, redis-server and nginx (apt-get install redis-server nginx).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release examples/SecureAgent -v q -nologo >/dev/null
app=examples/SecureAgent/bin/Release/net10.0/SecureAgent.dll

redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)

export SWML_BASIC_AUTH_USER=signalwire
export SWML_BASIC_AUTH_PASSWORD=lb-recipe-password-0123456789abcdef
export SIGNALWIRE_SWAIG_SECRET=lb-recipe-shared-secret
export SIGNALWIRE_REDIS_URL=redis://127.0.0.1:6390
export SWML_PROXY_URL_BASE=http://127.0.0.1:8088
# nginx runs on this machine: trust its X-Forwarded-For so lockouts and per-IP limits key on each client.
export SWML_TRUSTED_PROXIES=127.0.0.1
export Logging__LogLevel__Default=Warning
for port in 3101 3102; do
  PORT=$port dotnet "$app" >"$work/replica-$port.log" 2>&1 &
  pids+=($!)
done

cat >"$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
  access_log off;
  upstream agent { server 127.0.0.1:3101; server 127.0.0.1:3102; }
  server {
    listen 127.0.0.1:8088;
    location / {
      proxy_pass http://agent;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"

for port in 3101 3102 8088; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
done

auth="$SWML_BASIC_AUTH_USER:$SWML_BASIC_AUTH_PASSWORD"
swml=$(curl -fs -u "$auth" -X POST http://127.0.0.1:8088/ -H 'Content-Type: application/json' -d '{"call":{"call_id":"lb-call-1"}}')
url=$(grep -o '"web_hook_url":"[^"]*__token=[^"]*"' <<<"$swml" | head -1 | sed 's/"web_hook_url":"//; s/"$//')
path=${url#*@127.0.0.1:8088}
echo "secure-tool URL names the load balancer: ${url%%\?*}" | sed "s/$SWML_BASIC_AUTH_PASSWORD/***/"

body='{"function":"transfer_funds","call_id":"lb-call-1","caller_id_num":"+15550001000","argument":{"parsed":[{"amount":25,"to_account":"1234567890","confirmed":true}]}}'
for i in 1 2; do
  code=$(curl -s -o "$work/out" -w '%{http_code}' -u "$auth" -X POST "http://127.0.0.1:8088$path" -H 'Content-Type: application/json' -d "$body")
  echo "transfer via load balancer, request $i: HTTP $code $(cat "$work/out")"
  [ "$code" = 200 ] || { echo "FAIL: a token from one replica was refused by the other"; exit 1; }
done

limited=0
for i in $(seq 1 12); do
  out=$(curl -s -u "$auth" -X POST http://127.0.0.1:8088/swaig -H 'Content-Type: application/json' \
    -d '{"function":"get_balance","call_id":"lb-call-2","caller_id_num":"+15550002000","argument":{"parsed":[{"account_type":"checking"}]}}')
  grep -q "too many requests" <<<"$out" && limited=$((limited + 1))
done
echo "get_balance x12 for one caller across both replicas: $((12 - limited)) answered, $limited limited"
[ "$limited" = 2 ] || { echo "FAIL: the per-caller limit (10/min) was not shared"; exit 1; }
echo "OK: tokens and limits are shared across replicas"
