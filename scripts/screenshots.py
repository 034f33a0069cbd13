#!/usr/bin/env python3
"""Screenshots of signed-in pages, to look at what we build.

Drives headless Chromium through ChromeDriver's WebDriver protocol with the
standard library only (no selenium on a fresh machine):

    scripts/screenshots.py http://127.0.0.1:8080 EMAIL PASSWORD OUTDIR PATH... [--width 375]

Each PATH becomes OUTDIR/<path with / replaced by _>.png, full page height.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)["value"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv):
    width = 1280
    if "--width" in argv:
        i = argv.index("--width")
        width = int(argv[i + 1])
        del argv[i : i + 2]
    url, email, password, outdir, *paths = argv
    os.makedirs(outdir, exist_ok=True)
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},900"]}}}}
        sid = call(base, "POST", "/session", caps)["sessionId"]
        s = f"/session/{sid}"

        def find(css):
            el = call(base, "POST", s + "/element", {"using": "css selector", "value": css})
            return next(iter(el.values()))

        call(base, "POST", s + "/url", {"url": url + "/login"})
        call(base, "POST", s + f"/element/{find('#email')}/value", {"text": email})
        call(base, "POST", s + f"/element/{find('#password')}/value", {"text": password})
        call(base, "POST", s + f"/element/{find('main form button[type=submit]')}/click", {})
        time.sleep(0.5)
        for path in paths:
            call(base, "POST", s + "/url", {"url": url + path})
            height = call(base, "POST", s + "/execute/sync",
                          {"script": "return document.documentElement.scrollHeight", "args": []})
            call(base, "POST", s + "/window/rect", {"width": width, "height": min(int(height) + 120, 8000)})
            png = base64.b64decode(call(base, "GET", s + "/screenshot"))
            name = path.strip("/").replace("/", "_").replace("?", "_") or "start"
            with open(os.path.join(outdir, name + ".png"), "wb") as f:
                f.write(png)
            print(os.path.join(outdir, name + ".png"))
        call(base, "DELETE", s)
    finally:
        driver.terminate()


if __name__ == "__main__":
    main(sys.argv[1:])
