# Synchronized PUB peer (zguide "syncpub"): syncpub.py <max-seconds> <subscribers> <messages> <topic>
# Binds a PUB socket and a REP sync socket on random tcp://127.0.0.1 ports and prints
# {"port": PUB, "sync_port": REP}. Waits until <subscribers> empty requests arrived on the sync
# socket, answering each with an empty reply, prints {"checked_in": N}, then publishes <messages>
# messages [topic, "0"] ... [topic, "<messages-1>"] and [topic, "END"], prints {"published": M}
# and waits for "stop"/EOF on stdin or the deadline.
import sys

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds = float(sys.argv[1])
subscribers, messages = int(sys.argv[2]), int(sys.argv[3])
topic = sys.argv[4].encode("utf-8")
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
publisher = ctx.socket(zmq.PUB)
publisher.linger = 5000
# as in the zguide: a PUB drops what exceeds its high-water mark, and the burst is large
publisher.sndhwm = 0
port = publisher.bind_to_random_port("tcp://127.0.0.1")
syncservice = ctx.socket(zmq.REP)
syncservice.linger = 0
sync_port = syncservice.bind_to_random_port("tcp://127.0.0.1")
emit(port=port, sync_port=sync_port)
checked_in = 0
while checked_in < subscribers and not stop.is_set():
    if syncservice.poll(100):
        syncservice.recv_multipart()
        syncservice.send(b"")
        checked_in += 1
emit(checked_in=checked_in)
if checked_in == subscribers:
    for i in range(messages):
        publisher.send_multipart([topic, str(i).encode("utf-8")])
    publisher.send_multipart([topic, b"END"])
    emit(published=messages)
stop.wait()
publisher.close()
syncservice.close()
ctx.term()
