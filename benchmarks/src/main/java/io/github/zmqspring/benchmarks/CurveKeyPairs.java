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

import org.zeromq.ZMQ;

/**
 * The two long-term CURVE key pairs of a benchmark, generated once per trial: the bound
 * side's (server) and the connecting side's (client).
 *
 * @param server the server's key pair
 * @param client the client's key pair
 * @author zmq-spring contributors
 */
public record CurveKeyPairs(ZMQ.Curve.KeyPair server, ZMQ.Curve.KeyPair client) {

	/**
	 * Generate both key pairs.
	 * @return the keys
	 */
	public static CurveKeyPairs generate() {
		return new CurveKeyPairs(keyPair(), keyPair());
	}

	/**
	 * Generate a key pair whose Z85 text has no {@code $}: the starter gets its keys as
	 * Spring properties, and {@code ${...}} in a property value is a placeholder.
	 */
	private static ZMQ.Curve.KeyPair keyPair() {
		while (true) {
			ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
			if (pair.publicKey.indexOf('$') < 0 && pair.secretKey.indexOf('$') < 0) {
				return pair;
			}
		}
	}

}
