# SUB peer: subscriber.py <max-seconds> <prefix>
# Binds tcp://127.0.0.1 on a random port, subscribes to the prefix, prints {"port": N}, then
# prints each distinct message received (frames as text and hex) until "stop"/EOF on stdin or
# the deadline.
import sys

import zmq

from peer_common import emit, frames_json, hard_deadline, stop, watch_stdin

max_seconds, prefix = float(sys.argv[1]), sys.argv[2]
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.SUB)
sock.linger = 0
sock.rcvtimeo = 100
sock.setsockopt(zmq.SUBSCRIBE, prefix.encode("utf-8"))
port = sock.bind_to_random_port("tcp://127.0.0.1")
emit(port=port)
seen = set()
while not stop.is_set():
    try:
        frames = sock.recv_multipart()
    except zmq.Again:
        continue
    key = tuple(frames)
    if key not in seen:
        seen.add(key)
        emit(**frames_json(frames))
sock.close()
ctx.term()
