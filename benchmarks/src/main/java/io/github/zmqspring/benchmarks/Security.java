/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.zeromq.ZMQ;

/**
 * The security of the connection the CURVE benchmarks measure: ZeroMQ's NULL mechanism
 * (what every other benchmark uses) or CURVE. Applied the same way to both sides: to raw
 * JeroMQ sockets with the socket options, to the starter with the
 * {@code zmq.endpoints.<name>.security.*} properties.
 *
 * @author zmq-spring contributors
 */
public enum Security {

	/** No authentication, no encryption. */
	NULL,

	/** CURVE: the bound side is the server, the connecting side the client. */
	CURVE;

	/**
	 * Make a raw socket the CURVE server with the server's key pair. No ZAP handler runs,
	 * so JeroMQ accepts any client key: ZAP is asked once per handshake, never per
	 * message, so it would not change a figure.
	 * @param socket the bound socket, before it binds
	 * @param keys the key pairs
	 */
	void server(ZMQ.Socket socket, CurveKeyPairs keys) {
		if (this == CURVE) {
			socket.setCurveServer(true);
			socket.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.server().publicKey));
			socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.server().secretKey));
		}
	}

	/**
	 * Make a raw socket a CURVE client of the server, with the client's key pair.
	 * @param socket the connecting socket, before it connects
	 * @param keys the key pairs
	 */
	void client(ZMQ.Socket socket, CurveKeyPairs keys) {
		if (this == CURVE) {
			socket.setCurveServerKey(ZMQ.Curve.z85Decode(keys.server().publicKey));
			socket.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.client().publicKey));
			socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.client().secretKey));
		}
	}

	/**
	 * Return the listener endpoint's options: the CURVE server with the server's key
	 * pair, allowing only the client's public key.
	 * @param keys the key pairs
	 * @param options further options of the endpoint
	 * @return the options, {@code options} as given for NULL
	 */
	Map<String, Object> serverOptions(CurveKeyPairs keys, Map<String, Object> options) {
		if (this == NULL) {
			return options;
		}
		Map<String, Object> all = new HashMap<>(options);
		all.put("security.mechanism", "curve");
		all.put("security.curve.public-key", keys.server().publicKey);
		all.put("security.curve.secret-key", keys.server().secretKey);
		all.put("security.curve.allowed-client-keys", keys.client().publicKey);
		return all;
	}

	/**
	 * Return the template endpoint's options: a CURVE client of the server, with the
	 * client's key pair.
	 * @param keys the key pairs
	 * @param options further options of the endpoint
	 * @return the options, {@code options} as given for NULL
	 */
	Map<String, Object> clientOptions(CurveKeyPairs keys, Map<String, Object> options) {
		if (this == NULL) {
			return options;
		}
		Map<String, Object> all = new HashMap<>(options);
		all.put("security.mechanism", "curve");
		all.put("security.curve.server-key", keys.server().publicKey);
		all.put("security.curve.public-key", keys.client().publicKey);
		all.put("security.curve.secret-key", keys.client().secretKey);
		return all;
	}

}
