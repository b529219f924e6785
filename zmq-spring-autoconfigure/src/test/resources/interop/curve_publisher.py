# CURVE PUB peer: curve_publisher.py <max-seconds> <server-secret-cert> <clients-dir> <message>...
# Like publisher.py (binds tcp://127.0.0.1 on a random port, prints {"port": N}, publishes every
# message every 50 ms until "stop"/EOF on stdin or the deadline; a message is a JSON array of
# its frames), as a CURVE server with the key pair of the secret certificate and pyzmq's
# ThreadAuthenticator over <clients-dir>, printing {"zap": "200"|"400"} per ZAP reply and
# {"rounds": N, "accepted": A, "denied": D} at the end.
import json
import sys

import zmq

from curve_common import make_curve_server, start_authenticator
from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds, server_cert, clients_dir = float(sys.argv[1]), sys.argv[2], sys.argv[3]
messages = [[frame.encode("utf-8") for frame in json.loads(arg)] for arg in sys.argv[4:]]
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
auth, replies = start_authenticator(ctx, clients_dir)
sock = ctx.socket(zmq.PUB)
sock.linger = 0
make_curve_server(sock, server_cert)
port = sock.bind_to_random_port("tcp://127.0.0.1")
emit(port=port)
rounds = 0
while not stop.wait(0.05):
    for message in messages:
        sock.send_multipart(message)
    rounds += 1
sock.close()
auth.stop()
emit(rounds=rounds, accepted=replies.count("200"), denied=replies.count("400"))
ctx.term()
