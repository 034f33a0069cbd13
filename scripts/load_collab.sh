#!/usr/bin/env bash
# Figures for Tool 2 (issue 5), for docs/performance.md: the group meeting
# page (GET /collab/rounds/{id}/meeting) at 32 connections, signed in as the
# demo's group leader of Børn og Unge (8 people, 6 checklists in, themes in
# the matrix): requests per second, p50 and p99. Needs wrk and a release build.
#
#   scripts/load_collab.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release -q -p ledertrivsel --bin ledertrivsel
bin="${CARGO_TARGET_DIR:-target}/release/ledertrivsel"
data=$(mktemp -d)
port=18085
db_args=(--data-dir "$data")
if [ -n "${1:-}" ]; then db_args+=(--database-url "$1"); fi
duration=${DURATION:-20s}

"$bin" demo "${db_args[@]}" > "$data/demo.txt"
password=$(awk '{print $3; exit}' "$data/demo.txt")
"$bin" serve --listen 127.0.0.1:$port "${db_args[@]}" > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done

jar="$data/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=lars.nielsen@fjordby.dk" --data-urlencode "password=$password" \
  --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login
session=$(awk '$6 == "lt_session" {print $7}' "$jar")
# The open round is the one whose checklist the start page asks for … or, once
# Lars has answered, the one the Tool 2 page lists as under way.
round=$(curl -s -H "Cookie: lt_session=$session" http://127.0.0.1:$port/collab |
  sed -n 's|.*href="/collab/rounds/\([0-9a-f-]*\)".*|\1|p' | head -n1)
meeting="http://127.0.0.1:$port/collab/rounds/$round/meeting"
# The demo's meeting is ten days ahead: Lars shows the group its picture
# first, as he would at the meeting (the picture is shown only once revealed).
csrf=$(curl -s -H "Cookie: lt_session=$session" "$meeting" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -o /dev/null -H "Cookie: lt_session=$session" --data-urlencode "ready=1" --data-urlencode "csrf=$csrf" \
  "http://127.0.0.1:$port/collab/rounds/$round/reveal"
body=$(curl -s -H "Cookie: lt_session=$session" "$meeting")
grep -q 'lt-picture-row' <<< "$body" || { echo "the meeting page shows no picture" >&2; exit 1; }
grep -q 'data-quadrant' <<< "$body"

echo "== the group meeting page, 32 connections, $duration"
wrk -t2 -c32 -d"$duration" --latency -H "Cookie: lt_session=$session" "$meeting" |
  grep -E 'Requests/sec|99%|50%|requests in|Non-2xx'
