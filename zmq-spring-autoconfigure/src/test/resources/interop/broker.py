# Queue device: broker.py <max-seconds>
# Binds a ROUTER front end and a DEALER back end on random tcp://127.0.0.1 ports, prints
# {"frontend": N, "backend": M}, and runs zmq.proxy between them until "stop"/EOF on stdin
# or the deadline.
import os
import sys
import threading

import zmq

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds = float(sys.argv[1])
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
frontend = ctx.socket(zmq.ROUTER)
backend = ctx.socket(zmq.DEALER)
frontend.linger = 0
backend.linger = 0
front_port = frontend.bind_to_random_port("tcp://127.0.0.1")
back_port = backend.bind_to_random_port("tcp://127.0.0.1")
threading.Thread(target=zmq.proxy, args=(frontend, backend), daemon=True).start()
emit(frontend=front_port, backend=back_port)
stop.wait(max_seconds)
emit(stopped=True)
os._exit(0)
