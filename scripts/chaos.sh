#!/usr/bin/env bash
# Chaos under a mixed load (issue 16; docs/decisions/0013-when-storage-fails.md):
# nothing acknowledged is lost while the server is killed and the disk fills.
#
#  1. The demo on a small tmpfs (the data folder); a release `serve` on it.
#  2. scripts/chaos_client.py signs leaders and HR in and writes for SECONDS
#     seconds: Skema 1 hand-ins, daily ticks, guide notes, the leader
#     agreement's points, HR's units. Every write carries a value that
#     identifies it, and every answer is logged.
#  3. Meanwhile, at random moments: the server is killed with SIGKILL and
#     started again; the data folder's disk is filled to ~16 KB free and freed
#     again a few seconds later (sometimes with a kill while it is full, so the
#     server must refuse to start until there is space). On PostgreSQL the
#     database is on the database server's own disk, which this script cannot
#     fill: there the server's database connections are cut instead
#     (`pg_terminate_backend`, as a database restart or failover does), and the
#     data folder (mail outbox, start-up check) is still filled.
#  4. The chaos stops, the disk is freed: the server must be ready again
#     (/readyz 200) without help beyond the restart after its last kill, and
#     every write for CALM seconds must succeed.
#  5. The server is killed with SIGKILL and the database read: every
#     acknowledged write must be stored. Prints the table for
#     docs/performance.md and exits non-zero if anything acknowledged is lost.
#
#   sudo scripts/chaos.sh [postgres://…/fresh_db]   (default: SQLite in the tmpfs)
#   SECONDS_RUN=90 CALM=5 SIZE=24M SEED=1 PORT=18095 BIN=path/to/release/ledertrivsel
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
db_args=(--data-dir "$mnt")
[[ -n "$url" ]] && db_args+=(--database-url "$url")
pid=
chaos_pid=
cleanup() {
  [[ -n "$chaos_pid" ]] && kill "$chaos_pid" 2>/dev/null || true
  [[ -f "$work/pid" ]] && kill -9 "$(cat "$work/pid")" 2>/dev/null || true
  umount "$mnt" 2>/dev/null || umount -l "$mnt" || true
  [[ -n "${KEEP:-}" ]] && echo "kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$work/chaos.log"; }

"$bin" demo "${db_args[@]}" > "$work/accounts.txt" 2> "$work/demo.log"

# Starts the server and waits for /readyz; 1 if it stopped (e.g. the disk is full).
start() {
  "$bin" serve --listen 127.0.0.1:$port "${db_args[@]}" >> "$work/serve.log" 2>&1 &
  echo $! > "$work/pid"
  for _ in $(seq 300); do
    curl -sf -o /dev/null http://127.0.0.1:$port/readyz && return 0
    alive || return 1
    sleep 0.05
  done
  return 0 # running but not ready (e.g. the disk is full): the load sees 503s
}
# Running and not a zombie (a killed server stays one until its shell reaps it).
alive() { local p; p=$(cat "$work/pid"); [[ -e /proc/$p ]] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$p/stat" 2>/dev/null; }
kill_server() { kill -9 "$(cat "$work/pid")" 2>/dev/null || true; wait "$(cat "$work/pid")" 2>/dev/null || true; }
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

start || { echo "the server did not start: $(tail -5 "$work/serve.log")" >&2; exit 1; }
python3 scripts/chaos_client.py prepare "http://127.0.0.1:$port" "$work/accounts.txt" "$work/state.json"

# The chaos: one action every 2–6 s until the load's time is up.
chaos() {
  local end=$((SECONDS + seconds)) kills=0 fills=0 cuts=0 refused_starts=0
  RANDOM=$seed
  while (( SECONDS < end - 3 )); do
    sleep "$((2 + RANDOM % 4)).$((RANDOM % 10))"
    # A server that could not start before (a full disk) is started again.
    if ! alive; then
      if start; then log "started again"; else log "start refused again: $(grep -v '^\s*$' "$work/serve.log" | tail -1 | cut -c1-160)"; fi
    fi
    local action=$((RANDOM % 10))
    if [[ $backend == postgres && $action -ge 7 ]]; then
      log "cut the server's database connections: $(cut_connections || echo 'psql failed')"
      cuts=$((cuts + 1))
    elif (( action < 4 )); then
      log "SIGKILL"; kill_server; kills=$((kills + 1))
      sleep "0.$((RANDOM % 10))"
      start && log "restarted" || { log "restart refused: $(grep -v '^\s*$' "$work/serve.log" | tail -1 | cut -c1-160)"; refused_starts=$((refused_starts + 1)); }
    else
      fill; fills=$((fills + 1)); log "disk filled ($(df -k --output=avail "$mnt" | tail -1 | tr -d ' ') KB free)"
      sleep "$((1 + RANDOM % 4)).$((RANDOM % 10))"
      if (( RANDOM % 3 == 0 )); then
        log "SIGKILL while full"; kill_server; kills=$((kills + 1))
        if start; then log "started on a full disk?"; else
          log "restart on the full disk refused: $(grep -v '^\s*$' "$work/serve.log" | tail -1 | cut -c1-160)"
          refused_starts=$((refused_starts + 1))
        fi
      fi
      free_disk; log "disk freed"
      alive || { start && log "restarted" || log "restart refused after freeing"; }
    fi
  done
  echo "$kills $fills $cuts $refused_starts" > "$work/chaos_counts"
}
log "load and chaos for $seconds s on $backend"
chaos &
chaos_pid=$!
python3 scripts/chaos_client.py load "$work/state.json" "$work/attempts.jsonl" "$seconds" chaos
wait "$chaos_pid" || log "the chaos loop stopped with an error"
chaos_pid=
read -r kills fills cuts refused_starts < "$work/chaos_counts" || { kills=? fills=? cuts=? refused_starts=?; }

# Calm: the disk has space; the server must serve without being helped.
free_disk
if ! alive; then log "the server was down at the end; started again"; start || true; fi
ready=0
for _ in $(seq 300); do curl -sf -o /dev/null http://127.0.0.1:$port/readyz && { ready=1; break; }; sleep 0.1; done
log "after the chaos: /readyz $([[ $ready == 1 ]] && echo 200 || echo 'not ready within 30 s')"
python3 scripts/chaos_client.py load "$work/state.json" "$work/attempts.jsonl" "$calm" calm

kill_server
echo "chaos on $backend: $seconds s, $kills SIGKILLs, $fills disk fills, $cuts connection cuts, $refused_starts restarts refused (disk full)"
status=0
if [[ $backend == sqlite ]]; then
  python3 scripts/chaos_client.py check "$work/state.json" "$work/attempts.jsonl" sqlite "$mnt/ledertrivsel.db" || status=$?
else
  python3 scripts/chaos_client.py check "$work/state.json" "$work/attempts.jsonl" postgres "$url" || status=$?
fi
[[ $ready == 1 ]] || { echo "FAILED: the server was not ready after the chaos"; status=1; }
exit $status
