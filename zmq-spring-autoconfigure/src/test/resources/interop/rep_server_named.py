# Named REP server: rep_server_named.py <max-seconds> <name> <port> <slow-ms>
# Binds tcp://127.0.0.1:<port> (0: a random port), prints {"port": N}, then for every request
# prints {"request": text} and answers "<name>:<TEXT upper-cased>"; a request starting with
# "slow" is answered after <slow-ms> milliseconds. Runs until "stop"/EOF on stdin or the
# deadline. Tests kill it (SIGKILL) or freeze it (SIGSTOP) to simulate a crashed server.
import sys
import time

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds, name, port, slow_ms = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
sock = ctx.socket(zmq.REP)
sock.linger = 0
sock.rcvtimeo = 100
if port == 0:
    port = sock.bind_to_random_port("tcp://127.0.0.1")
else:
    sock.bind("tcp://127.0.0.1:%d" % port)
emit(port=port)
while not stop.is_set():
    try:
        request = sock.recv().decode("utf-8")
    except zmq.Again:
        continue
    emit(request=request)
    if request.startswith("slow"):
        time.sleep(slow_ms / 1000.0)
    sock.send(("%s:%s" % (name, request.upper())).encode("utf-8"))
sock.close()
ctx.term()
