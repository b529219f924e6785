# A client that is no ZeroMQ peer: garbage_client.py <port> <timeout-ms> <kind>
# Opens a TCP connection to 127.0.0.1:<port> and sends
#   "random":      256 random bytes;
#   "curve-hello": a valid ZMTP 3.0 greeting asking for CURVE, then a command frame of random
#                  bytes where the HELLO command should be.
# Then reads until the server closes the connection or the timeout passes, and prints
# {"start": T, "closed": true|false, "received": <bytes read>, "t": T} (T: time.monotonic()).
import os
import socket
import sys
import time

from peer_common import emit

port, timeout_ms, kind = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
start = time.monotonic()
deadline = start + timeout_ms / 1000
conn = socket.create_connection(("127.0.0.1", port), timeout=timeout_ms / 1000)
if kind == "random":
    payload = os.urandom(256)
else:
    greeting = b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" + b"CURVE".ljust(20, b"\x00") + b"\x00" + b"\x00" * 31
    payload = greeting + b"\x04" + bytes([200]) + os.urandom(200)
closed = False
received = 0
try:
    conn.sendall(payload)
    while time.monotonic() < deadline:
        conn.settimeout(max(deadline - time.monotonic(), 0.001))
        chunk = conn.recv(4096)
        if not chunk:
            closed = True
            break
        received += len(chunk)
except socket.timeout:
    pass
except (ConnectionResetError, BrokenPipeError):
    closed = True
conn.close()
emit(start=start, closed=closed, received=received, t=time.monotonic())
