#!/usr/bin/env python3
"""A webhook receiver for BorderWatch notifications, with the Python standard library only.

    BORDERWATCH_WEBHOOK_SECRET='the hook secret' python3 receiver.py 9000

It checks the signature and the timestamp, drops a second copy of the same stored event (two
BorderWatch nodes on one store both send it), prints the notification, and answers 204. Put your
own handling (a text message to the duty officer, a ticket, a chat post) where it prints.
"""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["BORDERWATCH_WEBHOOK_SECRET"].encode()
MAX_AGE_SECONDS = 300      # refuse a recorded delivery sent again later
seen_events = {}           # eventId -> when first seen; both nodes send each event


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        timestamp = self.headers.get("X-BorderWatch-Timestamp", "")
        expected = "sha256=" + hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("X-BorderWatch-Signature", "")):
            return self.answer(401)
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
            return self.answer(401)
        note = json.loads(body)
        if note["eventId"] in seen_events:
            return self.answer(204)
        seen_events[note["eventId"]] = time.time()
        print(note["kind"], note["gate"]["nameVi"], json.dumps(note, ensure_ascii=False), flush=True)
        # Answer quickly (within 10 s); BorderWatch retries on 5xx, 408, 429 and timeouts.
        self.answer(204)

    def answer(self, status):
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9000), Receiver).serve_forever()
