#!/usr/bin/python3
"""A real SMTP server for the delivery tests (Debian's python3-aiosmtpd).

Usage: smtp_receiver.py OUTPUT_DIR [--starttls] [--auth]
With --auth it requires AUTH (allowed without TLS, on loopback only) as user "fgc" with password
"right-password"; anything else gets 535.
With --starttls it offers and requires STARTTLS with a fresh self-signed certificate
(OUTPUT_DIR/cert.pem, for 127.0.0.1). Listens on a free loopback port and prints "PORT <n>" once it accepts connections.
Recipients whose local part starts with "unknown" get 550, "busy" get 451. Each accepted
message is written as message-<n>.eml (the bytes received, dot-stuffing undone) and
message-<n>.json (the envelope, and headers and body decoded by Python's email package, an
independent parser), both in place before the server answers the end of DATA.
"""
import asyncio
import email
import email.policy
import json
import logging
import os
import sys

import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

import tls_certificate


class Receiver:
    def __init__(self, output_dir):
        self.output_dir = output_dir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("unknown"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if local.startswith("busy"):
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        summary = {
            "tls": session.ssl is not None,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {name.lower(): str(value) for name, value in message.items()},
            "from_display_name": message["from"].addresses[0].display_name,
            "to_display_name": message["to"].addresses[0].display_name,
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": message.get_content(),
            "defects": [type(d).__name__ for d in message.defects],
        }
        base = os.path.join(self.output_dir, "message-%d" % self.count)
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == b"fgc"
          and auth_data.password == b"right-password")
    return AuthResult(success=ok, handled=False)


async def main(output_dir, starttls, auth):
    loop = asyncio.get_running_loop()
    receiver = Receiver(output_dir)
    tls = tls_certificate.server_context(output_dir) if starttls else None
    server = await loop.create_server(
        lambda: SMTP(receiver, hostname="receiver.test", loop=loop, tls_context=tls,
                     require_starttls=starttls, auth_required=auth, auth_require_tls=False,
                     authenticator=authenticate if auth else None),
        "127.0.0.1", 0)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    # aiosmtpd warns about AUTH without TLS (which --auth means) and logs the handshakes that the
    # untrusted-certificate tests fail on purpose; the tests judge by what was received.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    asyncio.run(main(sys.argv[1], "--starttls" in sys.argv[2:], "--auth" in sys.argv[2:]))
