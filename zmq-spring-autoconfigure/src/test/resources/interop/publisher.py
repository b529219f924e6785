# PUB peer: publisher.py <max-seconds> <message>...
# Binds tcp://127.0.0.1 on a random port, prints {"port": N}, then publishes every message
# every 50 ms (slow joiners catch up) until "stop"/EOF on stdin or the deadline.
# A message is a JSON array of strings: its frames, e.g. '["client1x", "hello"]'.
import json
import sys

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds = float(sys.argv[1])
messages = [[frame.encode("utf-8") for frame in json.loads(arg)] for arg in sys.argv[2:]]
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.PUB)
sock.linger = 0
port = sock.bind_to_random_port("tcp://127.0.0.1")
emit(port=port)
rounds = 0
while not stop.wait(0.05):
    for message in messages:
        sock.send_multipart(message)
    rounds += 1
emit(rounds=rounds)
sock.close()
ctx.term()
