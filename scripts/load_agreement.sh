#!/usr/bin/env bash
# Load figures for Tool 1 (issue 3), for docs/performance.md:
#  1. the daily tick: POST /dialog/points/{id}/tick accepted per second, 32
#     connections spread over 64 distinct signed-in leaders;
#  2. a leader's start page with a year of daily ticks on 5 points: latency
#     at 32 connections;
#  3. both at once, 16 connections each, the start page read afresh after
#     every tick;
#  4. durability (the tick check): 32 leaders tick over and over, the server
#     is killed with SIGKILL after 5 s, and every acknowledged tick must be in
#     the database (server/examples/ticks_kill.rs).
# Needs wrk (apt-get install wrk) and a release build.
#
#   scripts/load_agreement.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example seed_agreements --example ticks_kill
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/ledertrivsel"
seed="$target/release/examples/seed_agreements"
data=$(mktemp -d)
port=18081
leaders=${LEADERS:-64}
duration=${DURATION:-20s}
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"

echo "seeding $leaders leaders with a year of daily ticks on 5 points each …"
"$seed" "$url" "$leaders" > "$data/leaders.txt"
"$bin" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.01; done

# Sign every leader in; collect (cookie, CSRF token, point) for wrk.
lua="$data/ticks.lua"
echo "local leaders = {" > "$lua"
while read -r email password point; do
  jar="$data/jar"; rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login
  session=$(awk '$6 == "lt_session" {print $7}' "$jar")
  token=$(curl -s -b "lt_session=$session" http://127.0.0.1:$port/ | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  echo "  {\"lt_session=$session\", \"$token\", \"$point\"}," >> "$lua"
  first_session=${first_session:-$session}
done < "$data/leaders.txt"
cat >> "$lua" <<'LUA'
}
local n = 0
function setup(thread) thread:set("offset", n * 7); n = n + 1 end
local i = 0
function request()
  i = i + 1
  local l = leaders[(i + offset) % #leaders + 1]
  return wrk.format("POST", "/dialog/points/" .. l[3] .. "/tick",
    {["Cookie"] = l[1], ["Content-Type"] = "application/x-www-form-urlencoded"},
    "csrf=" .. l[2] .. "&kept=" .. ((i % 3 == 0) and "no" or "yes") .. "&back=/")
end
function init(args) offset = tonumber(offset) or 0 end
LUA

test "$(curl -s -o /dev/null -w '%{http_code}' -b "lt_session=$first_session" http://127.0.0.1:$port/)" = 200
# One tick by hand: a 303 back to the start page means it was accepted.
first=$(sed -n 2p "$lua" | sed 's/[{}",]/ /g')
read -r cookie token point <<< "$first"
test "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$cookie" --data "csrf=$token&kept=yes&back=/" \
  http://127.0.0.1:$port/dialog/points/$point/tick)" = "303 http://127.0.0.1:$port/#today"
echo "== start page of a leader with a year of ticks on 5 points, 32 connections, $duration"
wrk -t2 -c32 -d"$duration" --latency -H "Cookie: lt_session=$first_session" http://127.0.0.1:$port/ | grep -E 'Requests/sec|99%|50%|requests in|Non-2xx'
echo "== daily ticks, 32 connections over $leaders leaders, $duration"
wrk -t2 -c32 -d"$duration" --latency -s "$lua" http://127.0.0.1:$port/ | grep -E 'Requests/sec|99%|50%|requests in|Non-2xx|Socket'
# The start page is kept in memory until the database changes (docs/decisions/
# 0009); under writes it is read afresh. Both at once, 16 connections each: the
# start page while every tick empties what was kept.
echo "== start page and daily ticks at the same time, 16 connections each, $duration"
wrk -t1 -c16 -d"$duration" --latency -s "$lua" http://127.0.0.1:$port/ > "$data/mixed_ticks.txt" &
ticks_pid=$!
wrk -t1 -c16 -d"$duration" --latency -H "Cookie: lt_session=$first_session" http://127.0.0.1:$port/ | grep -E 'Requests/sec|99%|50%|Non-2xx' | sed 's/^/start page: /'
wait $ticks_pid
grep -E 'Requests/sec|99%|50%|Non-2xx' "$data/mixed_ticks.txt" | sed 's/^/ticks: /'
echo "== SIGKILL after 5 s of ticking, then every acknowledged tick must be stored"
"$target/release/examples/ticks_kill" "http://127.0.0.1:$port" "$url" "$data/leaders.txt" "$pid" 5
