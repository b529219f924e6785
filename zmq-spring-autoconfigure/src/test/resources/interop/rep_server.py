# REP server: rep_server.py <max-seconds>
# Binds tcp://127.0.0.1 on a random port, prints {"port": N}, then answers every request
# with its text upper-cased, until "stop"/EOF on stdin or the deadline. Prints the count.
import sys

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds = float(sys.argv[1])
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.REP)
sock.linger = 0
sock.rcvtimeo = 100
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
emit(handled=handled)
sock.close()
ctx.term()
