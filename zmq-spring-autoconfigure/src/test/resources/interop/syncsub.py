# Synchronized SUB peer (zguide "syncsub"): syncsub.py <max-seconds> <pub-address> <sync-address> <topic>
# Connects a SUB socket to <pub-address> and subscribes to <topic>; waits (socket monitor) until
# that connection completed the ZMTP handshake, the reliable form of the zguide's "sleep(1)";
# then sends one empty request to <sync-address> (REQ) and waits for the reply, printing
# {"synced": true}. Then counts the messages [topic, "<n>"] until [topic, "END"] and prints
# {"received": N, "in_order": true|false}; waits for "stop"/EOF on stdin or the deadline.
import sys

import zmq
from zmq.utils.monitor import recv_monitor_message

from peer_common import emit, hard_deadline, stop, watch_stdin

max_seconds, pub_address, sync_address = float(sys.argv[1]), sys.argv[2], sys.argv[3]
topic = sys.argv[4].encode("utf-8")
watch_stdin()
hard_deadline(max_seconds)
ctx = zmq.Context()
subscriber = ctx.socket(zmq.SUB)
subscriber.linger = 0
subscriber.rcvhwm = 0
subscriber.setsockopt(zmq.SUBSCRIBE, topic)
monitor = subscriber.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
subscriber.connect(pub_address)
handshaken = False
while not handshaken and not stop.is_set():
    if monitor.poll(100):
        handshaken = recv_monitor_message(monitor)["event"] == zmq.EVENT_HANDSHAKE_SUCCEEDED
subscriber.disable_monitor()
monitor.close()
syncclient = ctx.socket(zmq.REQ)
syncclient.linger = 0
syncclient.connect(sync_address)
syncclient.send(b"")
synced = False
while not synced and not stop.is_set():
    if syncclient.poll(100):
        syncclient.recv_multipart()
        synced = True
emit(synced=synced)
received = 0
in_order = True
while synced and not stop.is_set():
    if not subscriber.poll(100):
        continue
    frames = subscriber.recv_multipart()
    if frames[-1] == b"END":
        break
    in_order = in_order and frames[-1] == str(received).encode("utf-8")
    received += 1
emit(received=received, in_order=in_order)
stop.wait()
subscriber.close()
syncclient.close()
ctx.term()
