# Shared helpers for the interop peers: JSON-line output, a hard deadline and a stop signal
# (a "stop" line or EOF on stdin), so that no peer outlives its test.
import json
import os
import sys
import threading
import time

stop = threading.Event()


def emit(**fields):
    print(json.dumps(fields), flush=True)


def watch_stdin():
    def run():
        for line in sys.stdin:
            if line.strip() == "stop":
                break
        stop.set()
    threading.Thread(target=run, daemon=True).start()


def hard_deadline(seconds):
    """After the given seconds ask the peer to stop; 5 seconds later end it regardless."""
    def run():
        if not stop.wait(seconds):
            stop.set()
        time.sleep(5)
        emit(error="deadline")
        os._exit(3)
    threading.Thread(target=run, daemon=True).start()


def frame_text(frame):
    return frame.decode("utf-8", errors="replace")


def frames_json(frames):
    return {"frames": [frame_text(f) for f in frames], "hex": [f.hex() for f in frames]}

