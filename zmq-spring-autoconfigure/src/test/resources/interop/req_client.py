# REQ client: req_client.py <endpoint> <timeout-ms> <request>...
# A request is "s:<text>" (sent as UTF-8 bytes, reply printed as text and hex) or
# "j:<json>" (sent with send_json, reply read with recv_json). All requests go over ONE
# REQ socket, in order; one JSON line per reply; exits 2 on a timeout.
import json
import sys

import zmq

from peer_common import emit, frame_text, hard_deadline

endpoint, timeout_ms, requests = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
hard_deadline(timeout_ms / 1000 * (len(requests) + 1) + 5)
ctx = zmq.Context()
sock = ctx.socket(zmq.REQ)
sock.linger = 0
sock.rcvtimeo = timeout_ms
sock.sndtimeo = timeout_ms
sock.connect(endpoint)
for i, request in enumerate(requests):
    kind, body = request[:2], request[2:]
    try:
        if kind == "j:":
            sock.send_json(json.loads(body))
            emit(index=i, json=sock.recv_json())
        else:
            sock.send(body.encode("utf-8"))
            reply = sock.recv()
            emit(index=i, reply=frame_text(reply), hex=reply.hex())
    except zmq.Again:
        emit(index=i, error="timeout")
        sys.exit(2)
sock.close()
ctx.term()
