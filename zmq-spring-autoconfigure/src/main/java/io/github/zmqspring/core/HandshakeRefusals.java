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

package io.github.zmqspring.core;

import java.time.Duration;

import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventType;

/**
 * Remembers when a server last refused this endpoint's handshake with a ZAP status (its
 * CURVE key or PLAIN credentials are not allowed there), so that a request that times out
 * can say why instead of only that no reply came. Written on JeroMQ's I/O thread, read by
 * callers.
 */
final class HandshakeRefusals {

	private volatile int status;

	private volatile long atNanos;

	/**
	 * Record a refusal if the event is one: JeroMQ reports the status code of a server's
	 * ERROR command (300-599) as a failed handshake.
	 * @param event a socket event of the endpoint
	 */
	void onEvent(ZmqSocketEvent event) {
		int value = event.getValue();
		if (event.getType() == ZmqSocketEventType.HANDSHAKE_FAILED && value >= 300 && value < 600) {
			this.atNanos = System.nanoTime();
			this.status = value;
		}
	}

	/**
	 * Return a sentence for a timeout message if a refusal happened recently.
	 * @param endpoint the endpoint name
	 * @param within how far back a refusal counts
	 * @return the sentence with a leading space, or an empty string
	 */
	String hint(String endpoint, Duration within) {
		int refused = this.status;
		if (refused == 0 || System.nanoTime() - this.atNanos > within.toNanos()) {
			return "";
		}
		return ". The server refused this client's handshake (status " + refused
				+ "): its key or credentials are not allowed there; check zmq.endpoints." + endpoint
				+ ".security and the server's log";
	}

}
