# Shared helpers for the CURVE server peers: pyzmq's ThreadAuthenticator reading a directory of
# client certificates, with each ZAP reply it sends printed as {"zap": "200"|"400"}.
import logging

import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

from peer_common import emit


class ZapReplies(logging.Handler):
    """Prints and counts the authenticator's replies, from its 'ZAP reply code=%s' record."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.codes = {}

    def emit(self, record):
        if record.msg.startswith("ZAP reply code="):
            code = record.args[0].decode("ascii")
            self.codes[code] = self.codes.get(code, 0) + 1
            emit(zap=code)

    def count(self, code):
        return self.codes.get(code, 0)


def start_authenticator(ctx, clients_dir):
    """Start a ThreadAuthenticator letting in the clients whose public certificates (*.key) are
    in clients_dir now (pyzmq reads the directory once); return its ZapReplies."""
    replies = ZapReplies()
    log = logging.getLogger("zmq.auth")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    log.addHandler(replies)
    auth = ThreadAuthenticator(ctx, log=log)
    auth.start()
    auth.configure_curve(domain="*", location=clients_dir)
    return auth, replies


def make_curve_server(sock, server_cert):
    """Make sock a CURVE server with the key pair of a secret certificate (NAME.key_secret)."""
    public_key, secret_key = zmq.auth.load_certificate(server_cert)
    sock.curve_publickey = public_key
    sock.curve_secretkey = secret_key
    sock.curve_server = True
