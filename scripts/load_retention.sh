#!/usr/bin/env bash
# The retention purge (issue 15), for docs/performance.md: on the APV seed of
# scripts/load_apv.sh (LEADERS leaders, default 10,000, in groups of ten; five
# yearly campaigns closed 2022–2026, nine in ten handing in Skema 1), times
# `ledertrivsel purge` three times: as of today (the 2022 and 2023 campaigns are
# past the default 1,095 days), as of 2040 (the other three), and once more as
# of 2040 (nothing left: what every server pays each hour). Then checks that
# HR's colour map of the newest campaign, with its trend, reads the same
# before and after its answers went, and times it both ways. Needs a release build.
#
#   scripts/load_retention.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example seed_apv
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/ledertrivsel"
seed="$target/release/examples/seed_apv"
data=$(mktemp -d)
port=18085
leaders=${LEADERS:-10000}
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"
pid=
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -rf "$data"' EXIT

echo "seeding $leaders leaders, five yearly campaigns …"
campaign=$("$seed" "$url" "$leaders")

timed_purge() {
  local label=$1; shift
  local started ended
  started=$(date +%s%N)
  "$bin" purge "$@" --data-dir "$data" --database-url "$url" > "$data/purge.out" 2>> "$data/purge.log"
  ended=$(date +%s%N)
  echo "$label: $(( (ended - started) / 1000000 )) ms ($(tr '\n' ' ' < "$data/purge.out"))"
}

# The colour map's table and the trend, as HR reads them.
colour_map() {
  "$bin" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" > "$data/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done
  local jar="$data/jar"
  rm -f "$jar"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=hr@lasttest.dk" --data-urlencode "password=lasttest-kodeord" \
    --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login
  curl -s -b "$jar" "http://127.0.0.1:$port/apv/campaigns/$campaign" | sed -n '/<table/,/<\/table>/p' | grep -v csrf
  # Then its time warm, median of five (on stderr, beside the compared table).
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" "http://127.0.0.1:$port/apv/campaigns/$campaign")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk -v label="$1" '{printf "colour map with trend, %s: %.1f ms (median of 5, warm)\n", label, $1 * 1000}' >&2
  kill $pid; wait $pid 2>/dev/null || true
  pid=
}

timed_purge "purge as of today (2022, 2023 past 1,095 days)"
before=$(colour_map "2024–2026 from their answers")
grep -q 'lt-apv-table' <<< "$before" || { echo "no colour map before the purge" >&2; exit 1; }
timed_purge "purge as of 2040 (2024–2026)" --now 2040-01-01T00:00:00Z
timed_purge "purge as of 2040 again (nothing left)" --now 2040-01-01T00:00:00Z
after=$(colour_map "all from kept counts")
if [[ "$before" == "$after" ]]; then
  echo "the newest campaign's colour map and trend read the same after the purge"
else
  diff <(echo "$before") <(echo "$after") | head -20
  echo "the colour map changed" >&2
  exit 1
fi
