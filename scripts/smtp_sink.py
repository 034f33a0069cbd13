#!/usr/bin/env python3
"""A real SMTP server for the mail delivery test (server/tests/integration/mail_delivery.rs).

Built on aiosmtpd (Debian: python3-aiosmtpd; PyPI: aiosmtpd), the SMTP server
library of the Python project, so the product's SMTP client talks to real SMTP:

    scripts/smtp_sink.py PORT OUTFILE [--refuse N]

Appends one JSON line per accepted message to OUTFILE: {"to": [...], "subject": ...}.
With --refuse N the first N messages are refused with a temporary failure
(451), as a mail server under load or in maintenance does, so the sender has to
try again later. Prints "ready" once it listens; stops on SIGTERM.
"""
import asyncio
import email
import email.policy
import json
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, outfile, refuse):
        self.outfile = outfile
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        line = {"to": list(envelope.rcpt_tos), "subject": str(message["subject"])}
        with open(self.outfile, "a", encoding="utf-8") as f:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
        return "250 OK"


def main(argv):
    port, outfile = int(argv[0]), argv[1]
    refuse = int(argv[argv.index("--refuse") + 1]) if "--refuse" in argv else 0
    controller = Controller(Sink(outfile, refuse), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.new_event_loop()
    signal.signal(signal.SIGTERM, lambda *_: stop.call_soon_threadsafe(stop.stop))
    try:
        stop.run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
