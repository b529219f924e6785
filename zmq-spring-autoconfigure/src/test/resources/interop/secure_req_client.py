# REQ client with a security mechanism:
#   secure_req_client.py <endpoint> <timeout-ms> [options] <request>...
# Options (none: a NULL client):
#   --cert FILE            CURVE client with the key pair of this secret certificate (NAME.key_secret)
#   --server-key Z85       the server's public key (with --cert)
#   --server-cert FILE     the server's public key, read from its public certificate (NAME.key)
#   --mismatched-secret    keep the certificate's public key but use the secret key of a fresh,
#                          unrelated key pair (a malformed client: its vouch cannot be opened)
#   --plain-user NAME --plain-password-file FILE   PLAIN client (the password is read from the file)
#   --repeat PREFIX        instead of the requests, send PREFIX-0, PREFIX-1, ... until "stop"/EOF
#                          on stdin or --max-seconds, one every --interval-ms (default 20)
#   --max-seconds S        the deadline (default: long enough for the requests)
# Prints {"start": T} once connected, then {"index": i, "reply": text, "t": T} per reply, T being
# time.monotonic() (one clock for every process of the host). On a send or receive timeout
# prints {"index": i, "error": "timeout", "stage": "send"|"recv", "t": T} and exits 2. At the
# end prints {"done": N, "t": T}. Never prints a key or a password.
import argparse
import time

import zmq
import zmq.auth

from peer_common import emit, frame_text, hard_deadline, stop, watch_stdin

parser = argparse.ArgumentParser()
parser.add_argument("endpoint")
parser.add_argument("timeout_ms", type=int)
parser.add_argument("requests", nargs="*")
parser.add_argument("--cert")
parser.add_argument("--server-key")
parser.add_argument("--server-cert")
parser.add_argument("--mismatched-secret", action="store_true")
parser.add_argument("--plain-user")
parser.add_argument("--plain-password-file")
parser.add_argument("--repeat")
parser.add_argument("--interval-ms", type=int, default=20)
parser.add_argument("--max-seconds", type=float)
args = parser.parse_intermixed_args()

max_seconds = args.max_seconds or args.timeout_ms / 1000 * (len(args.requests) + 1) + 5
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.REQ)
sock.linger = 0
sock.rcvtimeo = args.timeout_ms
sock.sndtimeo = args.timeout_ms
if args.cert:
    public_key, secret_key = zmq.auth.load_certificate(args.cert)
    if args.mismatched_secret:
        _, secret_key = zmq.curve_keypair()
    sock.curve_publickey = public_key
    sock.curve_secretkey = secret_key
    if args.server_cert:
        server_key, _ = zmq.auth.load_certificate(args.server_cert)
    else:
        server_key = args.server_key.encode("ascii")
    sock.curve_serverkey = server_key
if args.plain_user:
    with open(args.plain_password_file, "rb") as f:
        password = f.read().strip()
    sock.plain_username = args.plain_user.encode("utf-8")
    sock.plain_password = password
sock.connect(args.endpoint)
emit(start=time.monotonic())


def requests():
    if args.repeat is None:
        yield from args.requests
        return
    i = 0
    while not stop.wait(args.interval_ms / 1000 if i else 0):
        yield "%s-%d" % (args.repeat, i)
        i += 1


done = 0
for i, request in enumerate(requests()):
    stage = "send"
    try:
        sock.send(request.encode("utf-8"))
        stage = "recv"
        reply = sock.recv()
    except zmq.Again:
        emit(index=i, error="timeout", stage=stage, t=time.monotonic())
        raise SystemExit(2)
    emit(index=i, reply=frame_text(reply), t=time.monotonic())
    done += 1
emit(done=done, t=time.monotonic())
sock.close()
ctx.term()
