#!/usr/bin/env bash
# Load figures for docs/performance.md (issue 2): signed-in start page versus
# /healthz at 32 connections, cold start to /readyz, resident memory after
# 10,000+ requests. Needs wrk (apt-get install wrk) and a release build.
#
#   scripts/load.sh [postgres://…]     (default: SQLite in a fresh temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release -q
bin=target/release/ledertrivsel
[ -n "${CARGO_TARGET_DIR:-}" ] && bin="$CARGO_TARGET_DIR/release/ledertrivsel"
data=$(mktemp -d)
port=18080
db_args=(--data-dir "$data")
if [ -n "${1:-}" ]; then db_args+=(--database-url "$1"); fi
duration=${DURATION:-20s}

"$bin" demo "${db_args[@]}" > "$data/demo.txt"
leader=$(awk '$1 == "leader" {print $2; exit}' "$data/demo.txt")
password=$(awk '$1 == "leader" {print $3; exit}' "$data/demo.txt")

start_server() {
  "$bin" serve --listen 127.0.0.1:$port "${db_args[@]}" > "$data/serve.log" 2>&1 &
  pid=$!
}
wait_ready() {
  until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.005; done
}

# Cold start: process start to the first /readyz 200, on the existing database.
for i in 1 2 3 4 5; do
  t0=$(date +%s%N); start_server; wait_ready; t1=$(date +%s%N)
  echo "cold start $i: $(( (t1 - t0) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
done

start_server; wait_ready
jar="$data/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$leader" --data-urlencode "password=$password" \
  --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login
session=$(awk '$6 == "lt_session" {print $7}' "$jar")
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: lt_session=$session" http://127.0.0.1:$port/)" = 200

# Resident memory after the first 10,000 signed-in requests (issue 2's figure):
# each of wrk's two threads stops after 5,000 responses.
cat > "$data/stop.lua" <<'LUA'
local responses = 0
function response() responses = responses + 1; if responses >= 5000 then wrk.thread:stop() end end
LUA
wrk -t2 -c32 -d10s -s "$data/stop.lua" -H "Cookie: lt_session=$session" http://127.0.0.1:$port/ | grep -E 'requests in'
echo "== resident memory after 10,000 start pages: $(grep VmRSS /proc/$pid/status)"

echo "== /healthz, 32 connections, $duration"
wrk -t2 -c32 -d"$duration" --latency http://127.0.0.1:$port/healthz | grep -E 'Requests/sec|99%|50%|requests in'
echo "== signed-in start page (/), 32 connections, $duration"
wrk -t2 -c32 -d"$duration" --latency -H "Cookie: lt_session=$session" http://127.0.0.1:$port/ | grep -E 'Requests/sec|99%|50%|requests in|Non-2xx'
echo "== resident memory after the runs above: $(grep VmRSS /proc/$pid/status)"
kill $pid; wait $pid 2>/dev/null || true
rm -rf "$data"
