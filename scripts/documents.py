#!/usr/bin/env python3
"""Every downloadable Word document, rendered by LibreOffice to PNG pages,
to look at them as AMO, top management or a leader would (issue 17, item 10).

    scripts/documents.py URL PASSWORD OUTDIR EMAIL=PATH [EMAIL=PATH ...]

Signs in as EMAIL (the demo's shared PASSWORD), downloads PATH (a .docx),
converts it with `soffice --headless --convert-to pdf` and the PDF with
`pdftoppm -r 60 -png` (Debian's poppler-utils) into OUTDIR/<name>-<page>.png.
Prints each PNG and the number of pages per document. Standard library only.
"""
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request


def session(url, email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url + "/login", timeout=60) as r:
        page = r.read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "next": "/", "email": email, "password": password}).encode()
    with opener.open(urllib.request.Request(url + "/login", data=form), timeout=60) as r:
        r.read()
    return opener


def main(argv):
    url, password, outdir, *jobs = argv
    os.makedirs(outdir, exist_ok=True)
    for job in jobs:
        email, path = job.split("=", 1)
        opener = session(url, email, password)
        with opener.open(url + path, timeout=120) as r:
            if r.status != 200:
                raise SystemExit(f"{path}: HTTP {r.status}")
            data = r.read()
        name = re.sub(r"[^A-Za-z0-9]+", "-", path.strip("/").rsplit(".", 1)[0]).strip("-")
        docx = os.path.join(outdir, name + ".docx")
        with open(docx, "wb") as f:
            f.write(data)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, docx],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        pdf = os.path.join(outdir, name + ".pdf")
        subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(outdir, name)], check=True, timeout=120)
        pages = sorted(p for p in os.listdir(outdir) if p.startswith(name + "-") and p.endswith(".png"))
        for p in pages:
            print(os.path.join(outdir, p))
        print(f"{path}: {len(pages)} page(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
