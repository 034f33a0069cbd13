#!/usr/bin/env python3
"""The client of scripts/chaos.sh (issue 16): a mixed load of writes on the
demo organisation while the script kills servers and fills the disk, a
log of every write with a value that identifies it, and the check that every
acknowledged write is stored.

  chaos_client.py prepare BASES ACCOUNTS STATE     sign in, find what to write
  chaos_client.py load STATE LOG SECONDS PHASE     write until SECONDS have passed
  chaos_client.py check STATE LOG BACKEND DB       read the database, print the table

Writes (each worker owns its slots, so its writes to one slot are in order):
  skema1  a leader hands in Skema 1 on an open round; the value is the
          keywords of the first theme's red mark (slot: leader, round)
  tick    "kept it today?" on a daily point, yes/no, for one of the last days
          (slot: point, day)
  note    a guide note typed and saved (slot: leader, question)
  points  the leader agreement saved with a goal carrying the value
          (slot: leader; a save replaces the points)
  unit    HR adds a unit named by the value (every unit is its own slot)
  live    a guest's note in a live session, sent over the session's
          WebSocket as a command whose id is the value (every note is its
          own slot); two guests per session, on different servers when
          there are two. A guest writes at most 45 notes (the session
          takes 50 each), then the worker joins as a new guest.

BASES is one server's address or several, comma-separated (servers on one
PostgreSQL database): the workers are spread over them, and a worker whose
server does not answer goes on with the next one, as a load balancer would.

An attempt is acknowledged only by the answer the form gives on success
(204 for a note, 303 to the expected page, not to /login); a live note by
the WebSocket's {"type": "ack"} for its id. Refused with a clear message:
503 with the product's "Det blev ikke gemt" page; a live note: a
{"type": "refused"} for its id, with the participant's message. No answer:
the connection failed or timed out (the server was killed). Anything else is
counted as "other" and printed (a 5xx with an empty body is always "other").

An acknowledged write is stored when the database holds its value, or the
value of a later write to the same slot (which replaced it). Only Python's
standard library; PostgreSQL is read through `psql`.
"""
import base64
import http.client
import json
import os
import random
import re
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import urllib.parse

CLEAR = ("Det blev ikke gemt", "It was not saved")


def csrf_in(html):
    m = re.search(r'name="csrf" value="([^"]*)"', html)
    return m.group(1) if m else None


class Http:
    """One keep-alive connection with its cookies; after a failure it
    reconnects, to the next server when there are several."""

    def __init__(self, bases, cookies=None, first=0, timeout=15):
        self.bases = bases if isinstance(bases, list) else [bases]
        self.at, self.timeout = first % len(self.bases), timeout
        self.cookies, self.conn = dict(cookies or {}), None

    @property
    def base(self):
        return self.bases[self.at]

    def failed_over(self):
        """Drops the connection; the next call goes to the next server."""
        if self.conn is not None:
            self.conn.close()
        self.conn = None
        self.at = (self.at + 1) % len(self.bases)

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def call(self, method, path, form=None):
        """(status, location, body) or raises OSError/HTTPException."""
        if self.conn is None:
            u = urllib.parse.urlsplit(self.base)
            self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=self.timeout)
        headers = {}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read().decode("utf-8", "replace")
        except Exception:
            self.failed_over()
            raise
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and v.split(";")[0].startswith(("lt_session=", "lt_guest=")):
                name, value = v.split(";")[0].split("=", 1)
                self.cookies[name] = value
        return r.status, r.getheader("Location") or "", data


class Ws:
    """A minimal WebSocket client (RFC 6455, text frames) on Python's standard library."""

    def __init__(self, base, path, cookie, timeout=15):
        u = urllib.parse.urlsplit(base)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        self.buf = b""
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Cookie: {cookie}\r\n\r\n").encode())
        while b"\r\n\r\n" not in self.buf:
            self._more()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        status = head.split(b" ", 2)[1].decode()
        if status != "101":
            self.close()
            raise ConnectionError(f"the socket was refused: {status}")

    def _more(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the socket closed")
        self.buf += chunk

    def _take(self, n):
        while len(self.buf) < n:
            self._more()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _frame(self, opcode, data):
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def send(self, message):
        self._frame(0x1, json.dumps(message).encode())

    def recv(self):
        """The next text message as JSON; raises when the socket closes."""
        parts = []
        while True:
            b0, b1 = self._take(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._take(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._take(8))[0]
            data = self._take(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the server closed the socket")
            if opcode == 0x9:
                self._frame(0xA, data)
                continue
            if opcode in (0x1, 0x0):
                parts.append(data)
                if b0 & 0x80:
                    return json.loads(b"".join(parts))

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# --- prepare -----------------------------------------------------------------

def sign_in(base, email, password):
    h = Http(base)
    _, _, page = h.call("GET", "/login")
    status, _, _ = h.call("POST", "/login", {"email": email, "password": password, "csrf": csrf_in(page)})
    if status != 303 or "lt_session" not in h.cookies:
        raise SystemExit(f"sign-in of {email} gave {status}")
    return h


LIVE_SESSIONS = 2
NOTES_PER_GUEST = 45


def start_live(hr_http, csrf):
    """HR starts a live session; answers (id, join code)."""
    status, location, body = hr_http.call("POST", "/live", {"csrf": csrf, "kind": "organisation:prioritise"})
    if status != 303 or not location.startswith("/live/"):
        raise SystemExit(f"starting a live session gave {status}: {body[:200]}")
    sid = location.split("/live/")[1]
    _, _, page = hr_http.call("GET", location)
    code = re.search(r'data-code="([^"]+)"', page).group(1)
    return sid, code


def prepare(bases, accounts_file, state_file):
    bases = bases.split(",")
    base = bases[0]
    accounts = [l.split() for l in open(accounts_file) if l.strip()]
    leaders = [(e, p) for role, e, p in accounts if role == "leader"]
    hr = next((e, p) for role, e, p in accounts if role == "hr_admin")
    found = []
    for email, password in leaders:
        h = sign_in(base, email, password)
        _, _, start = h.call("GET", "/")
        token = csrf_in(start)
        ticks = sorted(set(re.findall(r'action="/dialog/points/([^/"]+)/tick"', start)))
        _, _, apv = h.call("GET", "/apv")
        rounds = []
        for rid in sorted(set(re.findall(r'/apv/rounds/([^/"?]+)/map', start + apv))):
            status, _, page = h.call("GET", f"/apv/rounds/{rid}/map")
            revs = re.findall(r'name="m-([^"]+)-red"', page)
            if status == 200 and revs:
                rounds.append({"round": rid, "revs": revs[:4]})
        _, _, guide = h.call("GET", "/dialog/guide")
        items = re.findall(r'data-save-url="/dialog/guide/notes/([^"]+)"', guide)
        found.append({"email": email, "session": h.cookies["lt_session"], "csrf": token, "ticks": ticks, "rounds": rounds, "items": items})
    hr_http = sign_in(base, *hr)
    _, _, units = hr_http.call("GET", "/admin/units")
    hr_session = hr_http.cookies["lt_session"]

    # Every leader with an open Skema 1 hands in; leaders with daily points
    # tick; of the others, some save their agreement (which replaces points,
    # so never a leader who ticks) and the rest write guide notes.
    workers = []
    for f in found:
        for r in f["rounds"]:
            workers.append({"kind": "skema1", "who": f["email"], "session": f["session"], "csrf": f["csrf"], **r})
    tickers = [f for f in found if f["ticks"]]
    for f in tickers:
        workers.append({"kind": "tick", "who": f["email"], "session": f["session"], "csrf": f["csrf"], "points": f["ticks"]})
    others = [f for f in found if not f["ticks"]]
    for i, f in enumerate(others):
        if i % 2 == 0:
            workers.append({"kind": "points", "who": f["email"], "session": f["session"], "csrf": f["csrf"]})
        elif f["items"]:
            workers.append({"kind": "note", "who": f["email"], "session": f["session"], "csrf": f["csrf"], "items": f["items"][:5]})
    workers.append({"kind": "unit", "who": hr[0], "session": hr_session, "csrf": csrf_in(units)})
    # Two guests in each live session, each on its own server when there are two.
    for n in range(LIVE_SESSIONS):
        sid, code = start_live(hr_http, csrf_in(units))
        for g in range(2):
            workers.append({"kind": "live", "who": f"live{n}g{g}@guest", "session_id": sid, "code": code})
    for i, w in enumerate(workers):
        w["server"] = i
    json.dump({"bases": bases, "run": f"{random.getrandbits(32):08x}", "workers": workers}, open(state_file, "w"), indent=1)
    kinds = {}
    for w in workers:
        kinds[w["kind"]] = kinds.get(w["kind"], 0) + 1
    print("workers: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


# --- load ----------------------------------------------------------------------

def attempts_of(w, run, phase):
    """Endless (slot, value, method args, expected answer) for one worker."""
    n = 0
    while True:
        n += 1
        tag = f"chaos-{run}-{phase}-{w['who'].split('@')[0]}-{n}"
        kind = w["kind"]
        if kind == "skema1":
            revs = w["revs"]
            form = {"csrf": w["csrf"], "hand_in": "1", f"m-{revs[0]}-red": "1", f"k-{revs[0]}-red": tag}
            if len(revs) > 1:
                form[f"m-{revs[1]}-green"] = "1"
                form[f"k-{revs[1]}-green"] = "Gode kolleger"
            yield ((w["who"], w["round"]), tag, f"/apv/rounds/{w['round']}/map", form, (303, "?notice=handed-in"))
        elif kind == "tick":
            point = w["points"][n % len(w["points"])]
            # Today and the two days before: ticks for recent days are allowed.
            day = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400 * (n // len(w["points"]) % 3)))
            kept = "yes" if (n // (3 * len(w["points"]))) % 2 == 0 else "no"
            form = {"csrf": w["csrf"], "kept": kept, "day": day, "back": "/"}
            yield ((point, day), kept, f"/dialog/points/{point}/tick", form, (303, "/#today"))
        elif kind == "note":
            item = w["items"][n % len(w["items"])]
            yield ((w["who"], item), tag, f"/dialog/guide/notes/{item}", {"csrf": w["csrf"], "text": tag + " " + "x" * 300}, (204, None))
        elif kind == "points":
            form = {"csrf": w["csrf"], "p-0-kind": "goal", "p-0-text": tag, "p-1-kind": "self",
                    "p-1-text": "Gå en tur i frokostpausen", "p-1-rhythm": "weekly"}
            yield ((w["who"],), tag, "/dialog/agreement", form, (303, "/dialog/agreement?notice=saved"))
        elif kind == "unit":
            yield ((tag,), tag, "/admin/units", {"csrf": w["csrf"], "name": tag, "parent": ""}, (303, "/admin/units"))


def classify(status, location, body, want, where):
    if status == want and (where is None or location.endswith(where)):
        return "acknowledged", ""
    if status == 503 and any(c in body for c in CLEAR):
        return "refused", ""
    text = re.sub(r"<[^>]*>|\s+", " ", body)
    return "other", f"{location} {text[:160]}".strip() or "(empty body)"


def form_worker(state, w, phase, deadline, record):
    h = Http(state["bases"], {"lt_session": w["session"]}, first=w["server"])
    for slot, value, path, form, (want, where) in attempts_of(w, state["run"], phase):
        if time.time() >= deadline:
            return
        via = h.base
        try:
            status, location, body = h.call("POST", path, form)
        except Exception as e:
            outcome, status, note = "no-answer", None, type(e).__name__
        else:
            outcome, note = classify(status, location, body, want, where)
        record(w, slot, value, outcome, status, note, via)
        if outcome != "acknowledged":
            time.sleep(0.05)


class Guest:
    """A guest in a live session, with its WebSocket on one of the servers."""

    def __init__(self, state, w, n, phase):
        self.state, self.w, self.name = state, w, f"Chaos {phase} {w['who'].split('@')[0]} {n}"
        self.http = Http(state["bases"], first=w["server"])
        self.ws, self.notes = None, 0

    def join(self):
        code = self.w["code"]
        _, _, page = self.http.call("GET", f"/join/{code}")
        status, location, body = self.http.call("POST", f"/join/{code}", {"csrf": csrf_in(page) or "", "name": self.name})
        if status != 303:
            text = re.sub(r"<[^>]*>|\s+", " ", body)[:120]
            raise ConnectionError(f"join gave {status} {location} {text}")

    def socket(self):
        if self.ws is None:
            if "lt_guest" not in self.http.cookies:
                self.join()
            # Only its own answers matter here: no replay of the log (since is past its end).
            self.ws = Ws(self.http.base, f"/live/{self.w['session_id']}/socket?since={1 << 40}", self.http.cookie_header())
            hello = self.ws.recv()
            if hello.get("type") != "hello":
                raise ConnectionError(f"no hello: {hello}")
        return self.ws

    def lost(self):
        if self.ws is not None:
            self.ws.close()
        self.ws = None
        self.http.failed_over()


def live_worker(state, w, phase, deadline, record):
    n = 0
    guest = Guest(state, w, n, phase)
    while time.time() < deadline:
        if guest.notes >= NOTES_PER_GUEST:
            if guest.ws:
                guest.ws.close()
            n += 1
            guest = Guest(state, w, n, phase)
        tag = f"chaos-{state['run']}-{phase}-{w['who'].split('@')[0]}-{n}-{guest.notes}"
        try:
            ws = guest.socket()
        except Exception as e:
            # Not an attempt at a note yet: the guest could not join or connect.
            guest.lost()
            time.sleep(0.2)
            continue
        guest.notes += 1
        via = guest.http.base
        try:
            ws.send({"id": tag, "cmd": {"type": "note", "text": tag}})
            while True:
                m = ws.recv()
                if m.get("id") == tag and m.get("type") in ("ack", "refused"):
                    break
        except Exception as e:
            record(w, (tag,), tag, "no-answer", None, type(e).__name__, via)
            guest.lost()
            time.sleep(0.05)
            continue
        if m["type"] == "ack" and isinstance(m.get("seq"), int):
            record(w, (tag,), tag, "acknowledged", 101, "", via)
            # The session takes 5 commands a second from one connection.
            time.sleep(0.25)
        else:
            record(w, (tag,), tag, "refused" if m.get("message") else "other", 101, m.get("message") or json.dumps(m), via)
            time.sleep(0.25)


def load(state_file, log_file, seconds, phase):
    state = json.load(open(state_file))
    deadline = time.time() + seconds
    lock = threading.Lock()
    log = open(log_file, "a")

    def record(w, slot, value, outcome, status, note, via):
        with lock:
            log.write(json.dumps({"phase": phase, "worker": w["server"], "kind": w["kind"], "slot": list(slot), "value": value,
                                  "outcome": outcome, "status": status, "note": note, "via": state["bases"].index(via) + 1,
                                  "t": round(time.time(), 3)}) + "\n")

    def worker(w):
        (live_worker if w["kind"] == "live" else form_worker)(state, w, phase, deadline, record)

    threads = [threading.Thread(target=worker, args=(w,)) for w in state["workers"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log.close()


# --- check ---------------------------------------------------------------------

class Db:
    def __init__(self, backend, where):
        self.backend, self.where = backend, where
        if backend == "sqlite":
            self.conn = sqlite3.connect(f"file:{where}?mode=ro", uri=True)

    def rows(self, sql):
        if self.backend == "sqlite":
            return [tuple("" if v is None else str(v) for v in r) for r in self.conn.execute(sql)]
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\x1f", "-R", "\x1e", self.where, "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(r.split("\x1f")) for r in out.rstrip("\n").split("\x1e") if r]


def stored_values(db):
    """{(kind, slot tuple): set of stored values}."""
    stored = {}

    def put(kind, slot, value):
        stored.setdefault((kind, tuple(slot)), set()).add(value)

    # A Skema 1 counts only when handed in.
    for email, rid, red in db.rows(
            "SELECT c.email, a.round_id, a.red FROM apv_answers a JOIN persons p ON p.id = a.person_id "
            "JOIN accounts c ON c.id = p.account_id WHERE a.red LIKE 'chaos-%' AND EXISTS (SELECT 1 FROM apv_respondents x "
            "WHERE x.round_id = a.round_id AND x.person_id = a.person_id)"):
        put("skema1", (email, rid), red)
    for point, day, kept in db.rows("SELECT point_id, day, kept FROM check_ins"):
        put("tick", (point, day), "yes" if kept == "1" else "no")
    for email, item, text in db.rows(
            "SELECT c.email, g.item_id, g.text FROM guide_notes g JOIN persons p ON p.id = g.person_id "
            "JOIN accounts c ON c.id = p.account_id WHERE g.text LIKE 'chaos-%'"):
        put("note", (email, item), text.split(" ")[0])
    for email, text in db.rows(
            "SELECT c.email, g.text FROM agreement_points g JOIN persons p ON p.id = g.person_id "
            "JOIN accounts c ON c.id = p.account_id WHERE g.text LIKE 'chaos-%'"):
        put("points", (email,), text)
    for (name,) in db.rows("SELECT name FROM units WHERE name LIKE 'chaos-%'"):
        put("unit", (name,), name)
    for (client_id,) in db.rows("SELECT client_id FROM live_events WHERE client_id LIKE 'chaos-%'"):
        put("live", (client_id,), client_id)
    return stored


def while_down(attempts, downs_file):
    """With several servers: what each server acknowledged while another was
    down (killed, or refusing to start), from the script's log of kills and starts."""
    down, windows = {}, []
    for line in open(downs_file):
        at, what, n = line.split()
        if what == "down":
            down.setdefault(n, float(at))
        elif n in down:
            windows.append((int(n), down.pop(n), float(at)))
    windows += [(int(n), since, float("inf")) for n, since in down.items()]
    for n, since, until in windows:
        served = {}
        for a in attempts:
            if a["outcome"] == "acknowledged" and since <= a.get("t", 0) < until and a.get("via") != n:
                served[a["via"]] = served.get(a["via"], 0) + 1
        others = ", ".join(f"server {k}: {v:,}" for k, v in sorted(served.items())) or "none"
        print(f"server {n} down for {min(until, time.time()) - since:.1f} s; acknowledged meanwhile by {others}")


def check(state_file, log_file, backend, where, downs_file=None):
    attempts = [json.loads(l) for l in open(log_file)]
    stored = stored_values(Db(backend, where))
    # Each slot's attempts in the order they were sent (one worker per slot).
    by_slot = {}
    for a in attempts:
        by_slot.setdefault((a["kind"], tuple(a["slot"])), []).append(a)
    lost = []
    for (kind, slot), tries in by_slot.items():
        values = stored.get((kind, slot), set())
        for i, a in enumerate(tries):
            if a["outcome"] != "acknowledged":
                continue
            if not any(t["value"] in values for t in tries[i:]):
                lost.append(a)
    kinds = sorted({a["kind"] for a in attempts})
    print(f"| backend | write | attempted | acknowledged | refused (clear message) | no answer (server down) | other | acknowledged and stored | lost |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = [0] * 7
    for kind in kinds + [None]:
        mine = [a for a in attempts if kind is None or a["kind"] == kind]
        count = lambda o: sum(1 for a in mine if a["outcome"] == o)
        gone = sum(1 for a in lost if kind is None or a["kind"] == kind)
        row = [len(mine), count("acknowledged"), count("refused"), count("no-answer"), count("other"),
               count("acknowledged") - gone, gone]
        name = kind or "**all**"
        print(f"| {backend} | {name} | " + " | ".join(f"{v:,}" for v in row) + " |")
    others = {}
    for a in attempts:
        if a["outcome"] == "other":
            key = (a["kind"], a["status"], a["note"][:120])
            others[key] = others.get(key, 0) + 1
    for (kind, status, note), n in sorted(others.items(), key=lambda x: -x[1])[:15]:
        print(f"other: {n} × {kind} {status} {note}")
    for a in lost[:20]:
        print(f"LOST: {a['kind']} {a['slot']} {a['value']} (phase {a['phase']})")
    if downs_file and len(json.load(open(state_file))["bases"]) > 1:
        while_down(attempts, downs_file)
    by_server = {}
    for a in attempts:
        if a["outcome"] == "acknowledged":
            by_server[a.get("via")] = by_server.get(a.get("via"), 0) + 1
    print("acknowledged per server: " + ", ".join(f"server {k}: {v:,}" for k, v in sorted(by_server.items())))
    calm = [a for a in attempts if a["phase"] == "calm"]
    calm_failed = [a for a in calm if a["outcome"] != "acknowledged"]
    print(f"after the chaos: {len(calm) - len(calm_failed)} of {len(calm)} writes acknowledged")
    failed = bool(lost) or not calm or bool(calm_failed)
    if failed:
        print("FAILED: " + "; ".join(filter(None, [f"{len(lost)} acknowledged writes lost" if lost else "",
                                                   "writes fail after the chaos" if calm_failed or not calm else ""])))
    return 1 if failed else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "prepare":
        prepare(*args)
    elif cmd == "load":
        load(args[0], args[1], float(args[2]), args[3])
    elif cmd == "check":
        sys.exit(check(*args))
    else:
        raise SystemExit(__doc__)
