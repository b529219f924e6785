"""A pyzmq (libzmq) CURVE client for the secure sample: one request, then it prints the reply.

usage: secure_client.py ADDRESS CLIENT_SECRET_CERTIFICATE SERVER_PUBLIC_CERTIFICATE NAME

The certificates are ZCert files, read with zmq.auth.load_certificate: the client's own
NAME.key_secret (public and secret key) and the server's NAME.key (public key only).
"""
import sys

try:
    import zmq
    import zmq.auth
except ImportError:
    print("pyzmq is not installed", file=sys.stderr)
    sys.exit(3)

TIMEOUT_MS = 5000


def main():
    address, client_certificate, server_certificate, name = sys.argv[1:5]
    if not zmq.has("curve"):
        print("this libzmq was built without CURVE", file=sys.stderr)
        return 4
    client_public, client_secret = zmq.auth.load_certificate(client_certificate)
    server_public, _ = zmq.auth.load_certificate(server_certificate)
    context = zmq.Context()
    socket = context.socket(zmq.REQ)
    socket.linger = 0
    # set before connect: the handshake uses them
    socket.curve_publickey = client_public
    socket.curve_secretkey = client_secret
    socket.curve_serverkey = server_public
    try:
        socket.connect(address)
        socket.send_string(name)
        if socket.poll(TIMEOUT_MS) == 0:
            print("request '%s' -> no reply within %d ms" % (name, TIMEOUT_MS))
            return 1
        print("request '%s' -> reply '%s' (pyzmq %s, libzmq %s)"
              % (name, socket.recv_string(), zmq.__version__, zmq.zmq_version()))
        return 0
    finally:
        socket.close()
        context.term()


if __name__ == "__main__":
    sys.exit(main())
