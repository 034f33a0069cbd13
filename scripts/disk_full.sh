#!/usr/bin/env bash
# A full and a read-only disk under a running server (issue 16, items 1, 6, 7;
# docs/decisions/0013-when-storage-fails.md). Needs root (it mounts a tmpfs).
#
#  1. The demo on a small tmpfs; `serve` from it; the disk filled to ~16 KB
#     free. Eight leaders save guide notes at once: every save answered 204
#     must be stored, every refused save gets the Danish "Det blev ikke gemt"
#     page (503), /readyz says 503 while full.
#  2. The filler removed: /readyz is 200 again and every save succeeds, with
#     no restart (no connection left inside a transaction holding the lock).
#  3. The server SIGKILLed and the file read: every answered save is there.
#  4. `backup` onto the full disk: a Danish message, no partial file left.
#  5. The tmpfs remounted read-only: `serve` refuses to start with a clear
#     message and a failing exit.
#
#   sudo scripts/disk_full.sh [path/to/ledertrivsel]   (default: $CARGO_TARGET_DIR/debug/ledertrivsel)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${CARGO_TARGET_DIR:-target}/debug/ledertrivsel}"
[[ -x "$bin" ]] || { echo "no binary at $bin: cargo build -p ledertrivsel first" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "needs root to mount a tmpfs" >&2; exit 1; }
work=$(mktemp -d)
mnt="$work/data"
mkdir -p "$mnt"
mount -t tmpfs -o size="${SIZE:-6M}" tmpfs "$mnt"
port=${PORT:-18093}
pid=
cleanup() {
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  umount "$mnt" 2>/dev/null || umount -l "$mnt" || true
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

"$bin" demo --data-dir "$mnt" > "$work/accounts.txt" 2> "$work/demo.log"
serve() {
  "$bin" serve --listen 127.0.0.1:$port --data-dir "$mnt" >> "$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 200); do curl -sf -o /dev/null http://127.0.0.1:$port/readyz && return; sleep 0.05; done
  echo "the server did not become ready" >&2; exit 1
}
serve

python3 - "$port" "$work" "$mnt" <<'PY'
import concurrent.futures, http.cookiejar, json, re, sqlite3, subprocess, sys, time, urllib.error, urllib.parse, urllib.request
port, work, mnt = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"
leaders = [l.split() for l in open(f"{work}/accounts.txt") if l.startswith("leader ")][:8]

def client():
    jar = http.cookiejar.CookieJar()
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k): return None
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

def call(opener, path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        r = opener.open(base + path, data=data, timeout=30)
        return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

def csrf(html):
    return re.search(r'name="csrf" value="([^"]*)"', html).group(1)

# Sign in while the disk still has its 16 KB (a session row each).
people = []
for _, email, password in leaders:
    o = client()
    _, page = call(o, "/login")
    status, _ = call(o, "/login", {"email": email, "password": password, "csrf": csrf(page)})
    assert status == 303, (email, status)
    _, guide = call(o, "/dialog/guide")
    items = re.findall(r'data-save-url="(/dialog/guide/notes/[^"]+)"', guide)
    people.append((email, o, csrf(guide), items))

# HR adds units (a transaction with its audit line) next to the leaders' notes.
hr_email, hr_password = next(l.split()[1:] for l in open(f"{work}/accounts.txt") if l.startswith("hr_admin "))
hr = client()
_, page = call(hr, "/login")
assert call(hr, "/login", {"email": hr_email, "password": hr_password, "csrf": csrf(page)})[0] == 303
hr_token = csrf(call(hr, "/admin/units")[1])

def save_round(tag, rounds):
    """Every leader saves `rounds` notes and HR adds `rounds` units at the
    same time; returns [(who, url, text, status, body)]."""
    def one(p):
        email, o, token, items = p
        out = []
        for n in range(rounds):
            url = items[n % len(items)]
            text = f"{tag} {email} {n:03d} " + "x" * 1500
            status, body = call(o, url, {"text": text, "csrf": token})
            out.append((email, url, text, status, body))
        return out
    def units():
        out = []
        for n in range(rounds):
            name = f"Enhed {tag} {n:03d}"
            status, body = call(hr, "/admin/units", {"name": name, "parent": "", "csrf": hr_token})
            out.append(("hr", "/admin/units", name, 204 if status == 303 else status, body))
        return out
    with concurrent.futures.ThreadPoolExecutor(len(people) + 1) as pool:
        hr_units = pool.submit(units)
        notes = [r for rs in pool.map(one, people) for r in rs]
        return notes + hr_units.result()

# Fill the disk to about 16 KB free.
subprocess.run(f"dd if=/dev/zero of={mnt}/filler bs=4k 2>/dev/null; rm {mnt}/filler", shell=True)
free_kb = int(subprocess.check_output(["df", "-k", "--output=avail", mnt]).split()[-1])
subprocess.run(["dd", "if=/dev/zero", f"of={mnt}/filler", "bs=1k", f"count={free_kb - 16}"], check=True, capture_output=True)
print("== disk filled:", subprocess.check_output(["df", "-k", "--output=avail", mnt]).split()[-1].decode(), "KB free")

failures = []
def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures.append(what)

full = save_round("full", 40)
answered = [r for r in full if r[3] == 204]
refused = [r for r in full if r[3] != 204]
plain = [r for r in refused if r[3] != 503 or "Det blev ikke gemt" not in r[4]]
ready_full = call(client(), "/readyz")
print(f"while full: {len(answered)} saves answered 204, {len(refused)} refused; /readyz {ready_full[0]} {ready_full[1]!r}")
check(bool(refused), "the disk filled up (else lower SIZE or write more)")
check(not plain, f"every refused save got the Danish not-saved page (503): {len(plain)} did not "
      f"({sorted({r[3] for r in plain})})")
check(ready_full[0] == 503, "/readyz is 503 while the disk is full")

subprocess.run(["rm", "-f", f"{mnt}/filler"], check=True)
deadline = time.time() + 30
while call(client(), "/readyz")[0] != 200 and time.time() < deadline:
    time.sleep(0.2)
check(call(client(), "/readyz")[0] == 200, "/readyz is 200 again within 30 s of space returning, without a restart")
after = save_round("after", 10)
failed_after = [r for r in after if r[3] != 204]
check(not failed_after, f"every save succeeds once space is back: {len(after) - len(failed_after)} of {len(after)} "
      f"answered 204 ({sorted({r[3] for r in failed_after})})")
json.dump([(e, u, t) for e, u, t, s, _ in full + after], open(f"{work}/attempts.json", "w"))
json.dump([(e, u, t) for e, u, t, s, _ in answered + after if s == 204], open(f"{work}/answered.json", "w"))
json.dump(failures, open(f"{work}/failures.json", "w"))
PY

kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=
python3 - "$work" "$mnt" <<'PY'
import json, sqlite3, sys
work, mnt = sys.argv[1], sys.argv[2]
attempts = json.load(open(f"{work}/attempts.json"))
answered = json.load(open(f"{work}/answered.json"))
db = sqlite3.connect(f"file:{mnt}/ledertrivsel.db?mode=ro", uri=True)
stored = {t for (t,) in db.execute("SELECT text FROM guide_notes")}
stored |= {n for (n,) in db.execute("SELECT name FROM units")}
# A note is per leader and question: the last answered save of each must be
# stored, or a later one that was also sent. Every answered unit is stored.
lost = 0
for email, url, text in answered:
    later = [t for e, u, t in attempts if (e, u) == (email, url)]
    after = later[later.index(text):]
    if not any(t in stored for t in after):
        lost += 1
failures = json.load(open(f"{work}/failures.json"))
ok = lost == 0
print(("  ok   " if ok else "  FAIL ") + f"after SIGKILL: {len(answered)} answered saves checked, {lost} lost")
if not ok:
    failures.append("answered saves lost")
json.dump(failures, open(f"{work}/failures.json", "w"))
PY

shell_failures=()
check() { if eval "$1"; then echo "  ok   $2"; else echo "  FAIL $2"; shell_failures+=("$2"); fi; }

# The command line on a full disk: a Danish message, no partial file.
dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true
"$bin" backup "$mnt/backup.json" --data-dir "$mnt" > "$work/backup.out" 2> "$work/backup.err" && backed_up=1 || backed_up=0
echo "backup onto the full disk: $(head -c 300 "$work/backup.err")"
check '[[ $backed_up == 0 ]] && grep -q "Disken eller databasen er fuld" "$work/backup.err"' \
  "backup onto a full disk fails with the Danish message"
check '[[ ! -e "$mnt/backup.json.partial" && ! -e "$mnt/backup.json" ]]' "backup onto a full disk leaves no partial file"
rm -f "$mnt/filler" "$mnt/backup.json.partial"

# A read-only data folder: serve does not start.
mount -o remount,ro "$mnt"
exit_code=0
timeout 20 "$bin" serve --listen 127.0.0.1:$port --data-dir "$mnt" > "$work/ro.out" 2> "$work/ro.err" || exit_code=$?
echo "serve on a read-only folder (exit $exit_code): $(grep -v '^\s*$' "$work/ro.err" | tail -3 | head -c 400)"
# 124: still running when timeout stopped it.
check '[[ $exit_code != 0 && $exit_code != 124 ]] && grep -q "skrivebeskyttet" "$work/ro.err"' \
  "serve on a read-only folder refuses to start, saying the folder is read-only"
mount -o remount,rw "$mnt"
python3 - "$work" "${shell_failures[@]}" <<'PY'
import json, sys
failures = json.load(open(f"{sys.argv[1]}/failures.json")) + sys.argv[2:]
print("FAILED: " + "; ".join(failures) if failures else "OK")
sys.exit(1 if failures else 0)
PY
