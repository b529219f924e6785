# Legal flood from libzmq peers: flooder.py <endpoint> <DEALER|PUSH|PUB> <peers> <count> <size>
# Opens <peers> sockets of the type, connected to the endpoint, and sends <count> messages of
# <size> bytes on each as fast as libzmq takes them (a DEALER sends the REQ envelope: an empty
# frame first). A send that would block for more than a second is given up (the application
# may drop the connection). Prints {"sent": N} and exits.
import sys

import zmq

from peer_common import emit, hard_deadline

endpoint, kind, peers, count, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
hard_deadline(40)
ctx = zmq.Context()
sockets = []
for _ in range(peers):
    sock = ctx.socket(getattr(zmq, kind))
    sock.linger = 0
    sock.sndtimeo = 1000
    sock.connect(endpoint)
    sockets.append(sock)
body = b"x" * size
sent = 0
for _ in range(count):
    for sock in sockets:
        try:
            if kind == "DEALER":
                sock.send_multipart([b"", body])
            else:
                sock.send(body)
            sent += 1
        except zmq.Again:
            pass
emit(sent=sent)
for sock in sockets:
    sock.close()
ctx.term()
