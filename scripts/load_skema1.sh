#!/usr/bin/env bash
# Figures for Skema 1 (issue 4), for docs/performance.md:
#  1. the Skema 1 page (GET /apv/rounds/{id}/map) per second, 32 connections;
#  2. handing in a whole Skema 1 (POST …/map with hand_in=1) per second, 32
#     connections spread over LEADERS leaders in groups of ten;
#  3. durability: 32 leaders hand in over and over, the server is killed with
#     SIGKILL after 5 s, and every acknowledged Skema 1 must be in the database
#     (server/examples/skema1_kill.rs).
# Needs wrk (apt-get install wrk) and a release build.
#
#   scripts/load_skema1.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example seed_apv --example skema1_kill
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/ledertrivsel"
data=$(mktemp -d)
port=18083
leaders=${LEADERS:-320}
duration=${DURATION:-20s}
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"

echo "seeding $leaders leaders with an open round per group of ten …"
"$target/release/examples/seed_apv" "$url" "$leaders" open > "$data/leaders.txt"
serve() {
  "$bin" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" >> "$data/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done
}
serve
trap 'kill $pid 2>/dev/null || true; [[ -n "${KEEP:-}" ]] || rm -rf "$data"; echo "data: $data"' EXIT

# Sign every leader in; one Lua row per leader: cookie, round, form body.
lua="$data/skema1.lua"
echo "local leaders = {" > "$lua"
while read -r email password round revs; do
  jar="$data/jar"; rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login
  session=$(awk '$6 == "lt_session" {print $7}' "$jar")
  token=$(curl -s -b "lt_session=$session" http://127.0.0.1:$port/apv/rounds/$round/map | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  IFS=, read -r -a rev <<< "$revs"
  body="csrf=$token&hand_in=1&m-${rev[0]}-red=1&k-${rev[0]}-red=For+mange+opgaver&m-${rev[1]}-red=1&k-${rev[1]}-red=&m-${rev[1]}-yellow=1"
  body="$body&k-${rev[1]}-yellow=Sent+besked&m-${rev[3]}-green=1&k-${rev[3]}-green=Gode+kolleger&m-${rev[5]}-yellow=1&m-${rev[8]}-green=1"
  echo "  {\"lt_session=$session\", \"$round\", \"$body\"}," >> "$lua"
  first_session=${first_session:-$session}
  first_round=${first_round:-$round}
  first_body=${first_body:-$body}
done < "$data/leaders.txt"
cat >> "$lua" <<'LUA'
}
local n = 0
function setup(thread) thread:set("offset", n * 7); n = n + 1 end
local i = 0
function request()
  i = i + 1
  local l = leaders[(i + offset) % #leaders + 1]
  return wrk.format("POST", "/apv/rounds/" .. l[2] .. "/map",
    {["Cookie"] = l[1], ["Content-Type"] = "application/x-www-form-urlencoded"}, l[3])
end
function init(args) offset = tonumber(offset) or 0 end
LUA

# One hand-in by hand: a 303 to the round means it was accepted.
test "$(curl -s -o /dev/null -w '%{http_code}' -b "lt_session=$first_session" --data "$first_body" \
  http://127.0.0.1:$port/apv/rounds/$first_round/map)" = 303
echo "== the Skema 1 page, 32 connections, $duration"
wrk -t2 -c32 -d"$duration" --latency -H "Cookie: lt_session=$first_session" http://127.0.0.1:$port/apv/rounds/$first_round/map |
  grep -E 'Requests/sec|99%|50%|requests in|Non-2xx'
echo "== handing in Skema 1, 32 connections over $leaders leaders, $duration"
wrk -t2 -c32 -d"$duration" --latency -s "$lua" http://127.0.0.1:$port/ | grep -E 'Requests/sec|99%|50%|requests in|Non-2xx|Socket'
echo "== SIGKILL after 5 s of handing in, then every acknowledged Skema 1 must be stored"
"$target/release/examples/skema1_kill" "http://127.0.0.1:$port" "$url" "$data/leaders.txt" "$pid" 5
