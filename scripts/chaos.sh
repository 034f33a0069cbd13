#!/usr/bin/env bash
# Chaos under a mixed load (issue 16; docs/decisions/0013-when-storage-fails.md):
# nothing acknowledged is lost while the server is killed and the disk fills.
#
#  1. The demo on a small tmpfs (the data folder); `serve` on it: one server
#     on SQLite, two on PostgreSQL (SERVERS=…), each with its own data folder
#     on the tmpfs, both on the one database.
#  2. scripts/chaos_client.py signs leaders and HR in and writes for SECONDS
#     seconds: Skema 1 hand-ins, daily ticks, guide notes, the leader
#     agreement's points, HR's units, and guests' notes in live sessions over
#     their WebSockets. Every write carries a value that identifies it, and
#     every answer is logged. The workers are spread over the servers; one
#     whose server does not answer goes on with the next (a load balancer).
#  3. Meanwhile, at random moments: a server is killed with SIGKILL and
#     started again (with two, it stays down a few seconds while the other
#     serves); the data folder's disk is filled to ~16 KB free and freed
#     again a few seconds later (sometimes with a kill while it is full, so the
#     server must refuse to start until there is space). On PostgreSQL the
#     database is on the database server's own disk, which this script cannot
#     fill: there the servers' database connections are cut instead
#     (`pg_terminate_backend`, as a database restart or failover does), and the
#     data folders (mail outbox, start-up check) are still filled.
#  4. The chaos stops, the disk is freed: every server must be ready again
#     (/readyz 200) without help beyond the restart after its last kill, and
#     every write for CALM seconds must succeed.
#  5. The servers are killed with SIGKILL and the database read: every
#     acknowledged write must be stored. Prints the table for
#     docs/performance.md and exits non-zero if anything acknowledged is lost.
#
#   sudo scripts/chaos.sh [postgres://…/fresh_db]   (default: SQLite in the tmpfs)
#   SECONDS_RUN=90 CALM=5 SIZE=24M SEED=1 PORT=18095 SERVERS=2 BIN=path/to/release/ledertrivsel
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BIN:-${CARGO_TARGET_DIR:-target}/release/ledertrivsel}"
[[ -x "$bin" ]] || { echo "no binary at $bin: cargo build --release -p ledertrivsel first" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "needs root to mount a tmpfs" >&2; exit 1; }
url="${1:-}"
backend=sqlite
[[ -n "$url" ]] && backend=postgres
seconds=${SECONDS_RUN:-90}
calm=${CALM:-5}
seed=${SEED:-$$}
port=${PORT:-18095}
work=$(mktemp -d)
mnt="$work/data"
mkdir -p "$mnt"
mount -t tmpfs -o size="${SIZE:-24M}" tmpfs "$mnt"
servers=1
[[ $backend == postgres ]] && servers=${SERVERS:-2}
[[ $backend == sqlite && ${SERVERS:-1} != 1 ]] && { echo "SQLite is served by one server" >&2; exit 1; }
# Server n's data folder: the tmpfs itself on SQLite (the database file is
# there), a folder of its own on the tmpfs for each server on PostgreSQL.
data_of() { if [[ $backend == sqlite ]]; then echo "$mnt"; else echo "$mnt/s$1"; fi; }
db_of() { local a=(--data-dir "$(data_of "$1")"); [[ -n "$url" ]] && a+=(--database-url "$url"); echo "${a[@]}"; }
pid=
chaos_pid=
cleanup() {
  [[ -n "$chaos_pid" ]] && kill "$chaos_pid" 2>/dev/null || true
  for n in $(seq "$servers"); do [[ -f "$work/pid.$n" ]] && kill -9 "$(cat "$work/pid.$n")" 2>/dev/null || true; done
  umount "$mnt" 2>/dev/null || umount -l "$mnt" || true
  [[ -n "${KEEP:-}" ]] && echo "kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$work/chaos.log"; }

for n in $(seq "$servers"); do mkdir -p "$(data_of "$n")"; done
# shellcheck disable=SC2046
"$bin" demo $(db_of 1) > "$work/accounts.txt" 2> "$work/demo.log"

port_of() { echo $((port + $1 - 1)); }
# Starts server n and waits for /readyz; 1 if it stopped (e.g. the disk is full).
start() {
  local n=$1
  # shellcheck disable=SC2046
  "$bin" serve --listen 127.0.0.1:"$(port_of "$n")" $(db_of "$n") >> "$work/serve.$n.log" 2>&1 &
  echo $! > "$work/pid.$n"
  for _ in $(seq 300); do
    curl -sf -o /dev/null http://127.0.0.1:"$(port_of "$n")"/readyz && { echo "$(date +%s.%N) up $n" >> "$work/downs"; return 0; }
    alive "$n" || return 1
    sleep 0.05
  done
  return 0 # running but not ready (e.g. the disk is full): the load sees 503s
}
# Running and not a zombie (a killed server stays one until its shell reaps it).
alive() { local p; p=$(cat "$work/pid.$1"); [[ -e /proc/$p ]] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$p/stat" 2>/dev/null; }
kill_server() {
  echo "$(date +%s.%N) down $1" >> "$work/downs"
  kill -9 "$(cat "$work/pid.$1")" 2>/dev/null || true; wait "$(cat "$work/pid.$1")" 2>/dev/null || true
}
last_words() { grep -v '^\s*$' "$work/serve.$1.log" | tail -1 | cut -c1-160; }
# Leaves ~16 KB free: the next pages SQLite needs do not fit.
fill() {
  local free_kb
  free_kb=$(df -k --output=avail "$mnt" | tail -1)
  dd if=/dev/zero of="$mnt/filler" bs=1k count=$((free_kb > 16 ? free_kb - 16 : 0)) 2>/dev/null || true
}
free_disk() { rm -f "$mnt/filler"; }
cut_connections() {
  psql -X -q -At "$url" -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
    WHERE datname = current_database() AND pid <> pg_backend_pid()"
}

bases=
for n in $(seq "$servers"); do
  start "$n" || { echo "server $n did not start: $(tail -5 "$work/serve.$n.log")" >&2; exit 1; }
  bases+="${bases:+,}http://127.0.0.1:$(port_of "$n")"
done
python3 scripts/chaos_client.py prepare "$bases" "$work/accounts.txt" "$work/state.json"

# The chaos: one action every 2–6 s until the load's time is up.
chaos() {
  local end=$((SECONDS + seconds)) kills=0 fills=0 cuts=0 refused_starts=0 n
  RANDOM=$seed
  while (( SECONDS < end - 3 )); do
    sleep "$((2 + RANDOM % 4)).$((RANDOM % 10))"
    # A server that could not start before (a full disk) is started again.
    for n in $(seq "$servers"); do
      if ! alive "$n"; then
        if start "$n"; then log "server $n started again"; else log "server $n: start refused again: $(last_words "$n")"; fi
      fi
    done
    local action=$((RANDOM % 10))
    n=$((1 + RANDOM % servers))
    if [[ $backend == postgres && $action -ge 7 ]]; then
      log "cut the servers' database connections: $(cut_connections || echo 'psql failed')"
      cuts=$((cuts + 1))
    elif (( action < 4 )); then
      log "SIGKILL server $n"; kill_server "$n"; kills=$((kills + 1))
      # With two, the other serves alone for a while; with one, it is back soon.
      if (( servers > 1 )); then sleep "$((1 + RANDOM % 4)).$((RANDOM % 10))"; else sleep "0.$((RANDOM % 10))"; fi
      start "$n" && log "server $n restarted" || { log "server $n: restart refused: $(last_words "$n")"; refused_starts=$((refused_starts + 1)); }
    else
      fill; fills=$((fills + 1)); log "disk filled ($(df -k --output=avail "$mnt" | tail -1 | tr -d ' ') KB free)"
      sleep "$((1 + RANDOM % 4)).$((RANDOM % 10))"
      if (( RANDOM % 3 == 0 )); then
        log "SIGKILL server $n while full"; kill_server "$n"; kills=$((kills + 1))
        # SQLite's file cannot grow on the full disk; a PostgreSQL server's
        # data folder needs only a few bytes for its start-up check.
        if start "$n"; then log "server $n started on the full disk ($([[ $backend == sqlite ]] && echo 'unexpected' || echo 'its start-up check fits in 16 KB'))"; else
          log "server $n: restart on the full disk refused: $(last_words "$n")"
          refused_starts=$((refused_starts + 1))
        fi
      fi
      free_disk; log "disk freed"
      alive "$n" || { start "$n" && log "server $n restarted" || log "server $n: restart refused after freeing"; }
    fi
  done
  echo "$kills $fills $cuts $refused_starts" > "$work/chaos_counts"
}
log "load and chaos for $seconds s on $backend, $servers server(s)"
chaos &
chaos_pid=$!
python3 scripts/chaos_client.py load "$work/state.json" "$work/attempts.jsonl" "$seconds" chaos
wait "$chaos_pid" || log "the chaos loop stopped with an error"
chaos_pid=
read -r kills fills cuts refused_starts < "$work/chaos_counts" || { kills=? fills=? cuts=? refused_starts=?; }

# Calm: the disk has space; every server must serve without being helped.
free_disk
ready=1
for n in $(seq "$servers"); do
  if ! alive "$n"; then log "server $n was down at the end; started again"; start "$n" || true; fi
  up=0
  for _ in $(seq 300); do curl -sf -o /dev/null http://127.0.0.1:"$(port_of "$n")"/readyz && { up=1; break; }; sleep 0.1; done
  log "after the chaos: server $n /readyz $([[ $up == 1 ]] && echo 200 || echo 'not ready within 30 s')"
  [[ $up == 1 ]] || ready=0
done
python3 scripts/chaos_client.py load "$work/state.json" "$work/attempts.jsonl" "$calm" calm

cp "$work/downs" "$work/downs.run" # the kills below end the run, they are not chaos
for n in $(seq "$servers"); do kill_server "$n"; done
echo "chaos on $backend with $servers server(s): $seconds s, $kills SIGKILLs, $fills disk fills, $cuts connection cuts, $refused_starts restarts refused (disk full)"
status=0
if [[ $backend == sqlite ]]; then
  python3 scripts/chaos_client.py check "$work/state.json" "$work/attempts.jsonl" sqlite "$mnt/ledertrivsel.db" || status=$?
else
  python3 scripts/chaos_client.py check "$work/state.json" "$work/attempts.jsonl" postgres "$url" "$work/downs.run" || status=$?
fi
[[ $ready == 1 ]] || { echo "FAILED: a server was not ready after the chaos"; status=1; }
exit $status
