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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.event.ZmqSocketEvent;

/**
 * One JeroMQ socket of {@link EndpointSockets}. A <em>gated</em> socket connects to one
 * tcp/ipc address with {@code setImmediate(false)} and counts, through JeroMQ's event
 * hook, the connections that completed the ZMTP handshake: the template writes to it only
 * while there is one, because JeroMQ 0.6.0 attaches a connection's queue as soon as TCP
 * connects and drops it, with what was queued, when the handshake stalls or the
 * connection breaks.
 * <p>
 * The hook runs on JeroMQ's I/O thread and touches only the concurrent set and the change
 * callback; the socket itself is used by whoever holds its {@link EndpointSockets}.
 */
final class TemplateSocket {

	final ZMQ.Socket socket;

	/** Index of the address (or of the whole endpoint) this socket serves. */
	final int slot;

	final boolean gated;

	/** Addresses whose current connection completed the handshake. */
	private final Set<String> handshaken = ConcurrentHashMap.newKeySet();

	/** The receive timeout last set on the socket; used by its holder only. */
	private int receiveTimeoutMillis = Integer.MIN_VALUE;

	/** Called when the set of ready connections changes; {@code null} if not gated. */
	private final @Nullable Runnable onChange;

	private TemplateSocket(ZMQ.Socket socket, int slot, @Nullable Runnable onChange) {
		this.socket = socket;
		this.slot = slot;
		this.gated = onChange != null;
		this.onChange = onChange;
	}

	static TemplateSocket ungated(ZMQ.Socket socket, int slot) {
		return new TemplateSocket(socket, slot, null);
	}

	/**
	 * Prepare a socket, before it connects, to be written only once a connection
	 * completed its handshake.
	 * @param socket the socket, not yet connected
	 * @param slot the address index
	 * @param onChange called on JeroMQ's I/O thread when the set of ready connections
	 * changes
	 * @return the gated socket
	 */
	static TemplateSocket gated(ZMQ.Socket socket, int slot, Runnable onChange) {
		TemplateSocket gated = new TemplateSocket(socket, slot, onChange);
		// JeroMQ's inverted name for libzmq's ZMQ_IMMEDIATE=1: queue only to live
		// connections, and drop what a broken connection still held
		socket.setImmediate(false);
		return gated;
	}

	/**
	 * Track the socket's ready connections; called on JeroMQ's I/O thread with every
	 * event of the socket.
	 * @param event the socket event
	 */
	void onEvent(ZmqSocketEvent event) {
		if (this.onChange == null) {
			return;
		}
		boolean changed = switch (event.getType()) {
			case HANDSHAKE_SUCCEEDED -> this.handshaken.add(event.getAddress());
			case DISCONNECTED -> this.handshaken.remove(event.getAddress());
			default -> false;
		};
		if (changed) {
			this.onChange.run();
		}
	}

	/**
	 * Set the socket's receive timeout, skipping the JeroMQ call when it is already set
	 * (a request's remaining time rounds up to its full timeout when it is sent at once).
	 * @param millis the timeout
	 */
	void receiveTimeout(int millis) {
		if (millis != this.receiveTimeoutMillis) {
			this.socket.setReceiveTimeOut(millis);
			this.receiveTimeoutMillis = millis;
		}
	}

	/**
	 * Return whether the template may write to this socket.
	 * @return {@code true} unless the socket is gated and no connection is ready
	 */
	boolean ready() {
		return !this.gated || !this.handshaken.isEmpty();
	}

}
