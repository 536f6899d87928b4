#!/usr/bin/python3
"""A local HTTP receiver standing in for an SMS provider's webhook in the delivery tests.

Usage: webhook_receiver.py OUTPUT_DIR [--tls]
With --tls it speaks HTTPS with a fresh self-signed certificate (OUTPUT_DIR/cert.pem, for
127.0.0.1). Listens on a free loopback port and prints "PORT <n>" once it accepts connections. Every
POST is written as request-<n>.json (path, the headers that matter, the body parsed as JSON)
before the answer goes out. The path picks the answer: /busy 503, /bad 400 with a short
reason, /limited 429 with Retry-After: 120, anything else 202.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

import tls_certificate

ANSWERS = {"/busy": (503, b"overloaded"), "/bad": (400, b"invalid phone number"),
           "/limited": (429, b"slow down")}


class Handler(BaseHTTPRequestHandler):
    count = 0

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        Handler.count += 1
        record = {
            "path": self.path,
            "authorization": self.headers.get("Authorization"),
            "content_type": self.headers.get("Content-Type"),
            "idempotency_key": self.headers.get("Idempotency-Key"),
            "body": json.loads(raw.decode("utf-8")),
        }
        base = os.path.join(self.server.output_dir, "request-%d" % Handler.count)
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(base + ".json.tmp", base + ".json")
        status, text = ANSWERS.get(self.path, (202, b'{"status":"queued"}'))
        self.send_response(status)
        self.send_header("Content-Length", str(len(text)))
        if status == 429:
            self.send_header("Retry-After", "120")
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, format, *args):
        pass  # keep the test output quiet


if __name__ == "__main__":
    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.output_dir = sys.argv[1]
    if "--tls" in sys.argv[2:]:
        context = tls_certificate.server_context(server.output_dir)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
