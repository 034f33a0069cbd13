#!/usr/bin/env bash
# Figures for the leader APV overview (issue 4), for docs/performance.md:
# HR's colour map of the newest of five yearly campaigns, with the trend
# against the one before, over LEADERS leaders in groups of ten (default
# 10,000 leaders in 1,000 groups). Each view is fetched six times as HR;
# the first (cold) is dropped and the median of the other five printed.
# Needs a release build.
#
#   scripts/load_apv.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example seed_apv
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/ledertrivsel"
seed="$target/release/examples/seed_apv"
data=$(mktemp -d)
port=18082
leaders=${LEADERS:-10000}
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"

echo "seeding $leaders leaders, five yearly campaigns …"
started=$SECONDS
campaign=$("$seed" "$url" "$leaders")
echo "seeded in $((SECONDS - started)) s; newest campaign $campaign"
"$bin" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done

jar="$data/jar"
csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=hr@lasttest.dk" --data-urlencode "password=lasttest-kodeord" \
  --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login

# A unit with sub-units (the first area) for the filtered view.
# This first view after the start is the cold one: it decides every view of
# the campaign and the one before (kept a minute, or until a round closes).
cold=$(curl -s -o "$data/first.html" -w '%{time_total}' -b "$jar" "http://127.0.0.1:$port/apv/campaigns/$campaign")
echo "colour map, first view after start (cold): $(awk -v t="$cold" 'BEGIN {printf "%.1f ms", t * 1000}')"
area=$(sed -n 's/.*<option value="\([^"]*\)">Område 0<.*/\1/p' "$data/first.html" | head -n1)

median_ms() {
  local path=$1 times=() cold
  for i in 1 2 3 4 5 6; do
    local t
    t=$(curl -s -o "$data/page.html" -w '%{http_code} %{time_total}' -b "$jar" "http://127.0.0.1:$port$path")
    [[ ${t%% *} == 200 ]] || { echo "GET $path gave ${t%% *}" >&2; exit 1; }
    if [[ $i -gt 1 ]]; then times+=("${t##* }"); else cold=${t##* }; fi
  done
  grep -q 'lt-apv-table' "$data/page.html" || { echo "GET $path shows no colour map" >&2; exit 1; }
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk -v cold="$cold" '{printf "%.1f ms (first, cold: %.1f ms)\n", $1 * 1000, cold * 1000}'
}

echo "colour map, whole campaign with trend: $(median_ms "/apv/campaigns/$campaign")"
echo "colour map, one area (ten units):      $(median_ms "/apv/campaigns/$campaign?unit=$area")"
