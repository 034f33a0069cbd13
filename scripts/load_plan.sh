#!/usr/bin/env bash
# Figures for Tool 3 (issue 5), for docs/performance.md: the plan's tool page
# with the anonymous overview, and the prepare step (theme sheet, overview,
# mapping), for an organisation of LEADERS leaders in groups of ten (default
# 10,000 in 1,000 groups; six in ten with a current agreement, every group a
# settled group agreement, half of them followed up). Each page is fetched
# six times as HR; the first is dropped and the median of five printed.
# Needs a release build.
#
#   scripts/load_plan.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example seed_plan
target="${CARGO_TARGET_DIR:-target}"
data=$(mktemp -d)
port=18086
leaders=${LEADERS:-10000}
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"

echo "seeding $leaders leaders …"
started=$SECONDS
plan=$("$target/release/examples/seed_plan" "$url" "$leaders")
echo "seeded in $((SECONDS - started)) s"
"$target/release/ledertrivsel" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done

jar="$data/jar"
csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=hr@lasttest.dk" --data-urlencode "password=lasttest-kodeord" \
  --data-urlencode "csrf=$csrf" http://127.0.0.1:$port/login

median_ms() {
  local path=$1 times=()
  for i in 1 2 3 4 5 6; do
    local t
    t=$(curl -s -o "$data/page.html" -w '%{http_code} %{time_total}' -b "$jar" "http://127.0.0.1:$port$path")
    [[ ${t%% *} == 200 ]] || { echo "GET $path gave ${t%% *}" >&2; exit 1; }
    [[ $i -gt 1 ]] && times+=("${t##* }")
  done
  grep -q 'lt-overview' "$data/page.html" || { echo "GET $path shows no overview" >&2; exit 1; }
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f ms\n", $1 * 1000}'
}
echo "the plan's tool page with the overview: $(median_ms /plan)"
echo "the prepare step (sheet and overview):  $(median_ms "/plan/$plan/prepare")"
grep -o '<dd>[^<]*</dd>' "$data/page.html" | head -6 | sed 's/<[^>]*>//g' | paste -sd'|' | sed 's/^/figures: /'
