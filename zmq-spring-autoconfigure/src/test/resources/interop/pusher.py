# PUSH peer: pusher.py <endpoint> <json>...
# Connects, sends every argument with send_json, prints {"sent": N} and exits once the
# messages are delivered (linger bounds the wait).
import json
import sys

import zmq

from peer_common import emit, hard_deadline

endpoint, documents = sys.argv[1], [json.loads(arg) for arg in sys.argv[2:]]
hard_deadline(15)
ctx = zmq.Context()
sock = ctx.socket(zmq.PUSH)
sock.linger = 5000
sock.sndtimeo = 5000
sock.connect(endpoint)
for document in documents:
    sock.send_json(document)
emit(sent=len(documents))
sock.close()
ctx.term()
