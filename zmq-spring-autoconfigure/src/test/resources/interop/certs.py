# CURVE certificates: certs.py <public-dir> <secret-dir> <name>...
# Writes each name's key pair with pyzmq's zmq.auth.create_certificates (NAME.key and
# NAME.key_secret, ZPL format), keeps NAME.key in <public-dir> and moves NAME.key_secret to
# <secret-dir> (pyzmq's ironhouse layout), and prints {"name": NAME, "public": <Z85 public
# key>} per name. Never prints a secret key.
import os
import sys

import zmq.auth

from peer_common import emit

public_dir, secret_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
for name in names:
    public_file, secret_file = zmq.auth.create_certificates(public_dir, name)
    os.replace(secret_file, os.path.join(secret_dir, os.path.basename(secret_file)))
    public_key, _ = zmq.auth.load_certificate(public_file)
    emit(name=name, public=public_key.decode("ascii"))
