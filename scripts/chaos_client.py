#!/usr/bin/env python3
"""The client of scripts/chaos.sh (issue 16): a mixed load of writes on the
demo organisation while the script kills the server and fills the disk, a
log of every write with a value that identifies it, and the check that every
acknowledged write is stored.

  chaos_client.py prepare BASE ACCOUNTS STATE      sign in, find what to write
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

An attempt is acknowledged only by the answer the form gives on success
(204 for a note, 303 to the expected page, not to /login). Refused with a
clear message: 503 with the product's "Det blev ikke gemt" page. No answer:
the connection failed or timed out (the server was killed). Anything else is
counted as "other" and printed.

An acknowledged write is stored when the database holds its value, or the
value of a later write to the same slot (which replaced it). Only Python's
standard library; PostgreSQL is read through `psql`.
"""
import http.client
import json
import random
import re
import sqlite3
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
    """One keep-alive connection with a session cookie; reconnects after a failure."""

    def __init__(self, base, session=None, timeout=15):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = u.hostname, u.port, timeout
        self.session, self.conn = session, None

    def call(self, method, path, form=None):
        """(status, location, body) or raises OSError/HTTPException."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {}
        if self.session:
            headers["Cookie"] = f"lt_session={self.session}"
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read().decode("utf-8", "replace")
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and v.startswith("lt_session="):
                self.session = v.split(";")[0].split("=", 1)[1]
        return r.status, r.getheader("Location") or "", data


# --- prepare -----------------------------------------------------------------

def sign_in(base, email, password):
    h = Http(base)
    _, _, page = h.call("GET", "/login")
    status, _, _ = h.call("POST", "/login", {"email": email, "password": password, "csrf": csrf_in(page)})
    if status != 303 or not h.session:
        raise SystemExit(f"sign-in of {email} gave {status}")
    return h


def prepare(base, accounts_file, state_file):
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
        found.append({"email": email, "session": h.session, "csrf": token, "ticks": ticks, "rounds": rounds, "items": items})
    hr_http = sign_in(base, *hr)
    _, _, units = hr_http.call("GET", "/admin/units")

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
    workers.append({"kind": "unit", "who": hr[0], "session": hr_http.session, "csrf": csrf_in(units)})
    json.dump({"base": base, "run": f"{random.getrandbits(32):08x}", "workers": workers}, open(state_file, "w"), indent=1)
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


def load(state_file, log_file, seconds, phase):
    state = json.load(open(state_file))
    deadline = time.time() + seconds
    lock = threading.Lock()
    log = open(log_file, "a")

    def worker(i, w):
        h = Http(state["base"], w["session"])
        for slot, value, path, form, (want, where) in attempts_of(w, state["run"], phase):
            if time.time() >= deadline:
                return
            try:
                status, location, body = h.call("POST", path, form)
            except Exception as e:
                outcome, status, note = "no-answer", None, type(e).__name__
            else:
                note = ""
                if status == want and (where is None or location.endswith(where)):
                    outcome = "acknowledged"
                elif status == 503 and any(c in body for c in CLEAR):
                    outcome = "refused"
                else:
                    outcome = "other"
                    text = re.sub(r"<[^>]*>|\s+", " ", body)
                    note = f"{location} {text[:160]}".strip()
            with lock:
                log.write(json.dumps({"phase": phase, "worker": i, "kind": w["kind"], "slot": list(slot), "value": value,
                                      "outcome": outcome, "status": status, "note": note}) + "\n")
            if outcome != "acknowledged":
                time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(i, w)) for i, w in enumerate(state["workers"])]
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
    return stored


def check(state_file, log_file, backend, where):
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
