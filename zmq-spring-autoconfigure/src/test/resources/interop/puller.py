# PULL peer: puller.py <max-seconds> <count>
# Binds tcp://127.0.0.1 on a random port, prints {"port": N}, then reads <count> messages
# with recv_json, printing {"json": ...} for each, and exits (or at the deadline).
import sys

import zmq

from peer_common import emit, hard_deadline

max_seconds, count = float(sys.argv[1]), int(sys.argv[2])
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.PULL)
sock.linger = 0
port = sock.bind_to_random_port("tcp://127.0.0.1")
emit(port=port)
for _ in range(count):
    emit(json=sock.recv_json())
sock.close()
ctx.term()
