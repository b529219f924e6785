# REP server: rep_server.py <max-seconds> [<connect-endpoint> [<tag>]]
# Without an endpoint: binds tcp://127.0.0.1 on a random port and prints {"port": N}.
# With one: connects to it (a broker's back end) and prints {"connected": endpoint}.
# Answers every request with its text upper-cased (prefixed "<tag>:" when a tag is given),
# until "stop"/EOF on stdin or the deadline. Prints the count.
import sys

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds = float(sys.argv[1])
connect = sys.argv[2] if len(sys.argv) > 2 else None
prefix = sys.argv[3] + ":" if len(sys.argv) > 3 else ""
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.REP)
sock.linger = 0
sock.rcvtimeo = 100
if connect:
    sock.connect(connect)
    emit(connected=connect)
else:
    port = sock.bind_to_random_port("tcp://127.0.0.1")
    emit(port=port)
handled = 0
while not stop.is_set():
    try:
        request = sock.recv()
    except zmq.Again:
        continue
    sock.send((prefix + request.decode("utf-8").upper()).encode("utf-8"))
    handled += 1
emit(handled=handled)
sock.close()
ctx.term()
