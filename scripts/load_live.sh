#!/usr/bin/env bash
# Figures for live sessions (issue 6), for docs/performance.md: SESSIONS
# sessions (default 1,000) with PER_SESSION participants each (default 10,
# so 10,000 WebSocket connections) on one server; every participant sends
# an event every EVERY seconds (default 5) for SECONDS seconds (default 60),
# and every other participant of its session measures when it arrives.
# Prints the latency percentiles and the server's memory per connection.
# FLOODERS=N makes one participant in each of N sessions flood the server.
# Needs a release build.
#
#   scripts/load_live.sh [postgres://…/fresh_db]   (default: SQLite in a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p ledertrivsel --bin ledertrivsel --example load_live
target="${CARGO_TARGET_DIR:-target}"
data=$(mktemp -d)
port=18087
url="${1:-sqlite://$data/ledertrivsel.db?mode=rwc}"
# Each connection is a file descriptor on both sides.
ulimit -n "$(ulimit -Hn)"

"$target/release/ledertrivsel" migrate --data-dir "$data" --database-url "$url" > /dev/null
"$target/release/ledertrivsel" serve --listen 127.0.0.1:$port --data-dir "$data" --database-url "$url" > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://127.0.0.1:$port/readyz; do sleep 0.05; done
"$target/release/examples/load_live" "$url" "http://127.0.0.1:$port" "$pid" \
  "${SESSIONS:-1000}" "${PER_SESSION:-10}" "${EVERY:-5}" "${SECONDS_RUN:-60}" "${FLOODERS:-0}"
