"""A throwaway self-signed certificate for 127.0.0.1 and localhost, made with Debian's openssl
command, for the delivery tests' TLS receivers. The test trusts it through the sender's
ca_file; without that, verification must fail."""
import os
import ssl
import subprocess


def server_context(output_dir):
    cert = os.path.join(output_dir, "cert.pem")
    key = os.path.join(output_dir, "key.pem")
    subprocess.run(
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
