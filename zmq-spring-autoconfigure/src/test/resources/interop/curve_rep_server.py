# CURVE REP server: curve_rep_server.py <max-seconds> <server-secret-cert> <clients-dir>
# Binds tcp://127.0.0.1 on a random port as a CURVE server with the key pair of the given
# secret certificate (NAME.key_secret), and runs pyzmq's ThreadAuthenticator with
# configure_curve(domain="*", location=<clients-dir>): only clients whose public certificate
# (*.key) is in that directory when the server starts are let in. Prints {"port": N}, then
# {"zap": "200"|"400"} per ZAP reply of the authenticator, answers every request with its text
# upper-cased until "stop"/EOF on stdin or the deadline, then prints
# {"handled": N, "accepted": A, "denied": D} (A, D: the ZAP replies 200 and 400).
import sys

import zmq

from curve_common import make_curve_server, start_authenticator
from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds, server_cert, clients_dir = float(sys.argv[1]), sys.argv[2], sys.argv[3]
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
auth, replies = start_authenticator(ctx, clients_dir)
sock = ctx.socket(zmq.REP)
sock.linger = 0
sock.rcvtimeo = 100
make_curve_server(sock, server_cert)
port = sock.bind_to_random_port("tcp://127.0.0.1")
emit(port=port)
handled = 0
while not stop.is_set():
    try:
        request = sock.recv()
    except zmq.Again:
        continue
    sock.send(request.decode("utf-8").upper().encode("utf-8"))
    handled += 1
sock.close()
auth.stop()
emit(handled=handled, accepted=replies.count("200"), denied=replies.count("400"))
ctx.term()
