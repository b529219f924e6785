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

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.zmqspring.event.ZmqSocketOwner;

/**
 * The sockets through which one template caller at a time talks to an endpoint: one gated
 * socket per address for connecting DEALER and PUSH sockets over tcp or ipc (inproc has
 * no handshake to wait for), one plain socket otherwise. Whoever holds the set (a lock,
 * or a check-out from {@link RequestSocketPool}) is its only user; JeroMQ's I/O thread
 * only reports handshakes, which wakes {@link #awaitReady} waiters.
 */
final class EndpointSockets {

	private static final Log logger = LogFactory.getLog(EndpointSockets.class);

	final SocketType type;

	final ZmqEndpoint endpoint;

	private final ZmqSocketFactory socketFactory;

	private final boolean gated;

	private final TemplateSocket[] sockets;

	/**
	 * Notified by JeroMQ's I/O thread when a gated socket gains or loses a connection.
	 */
	private final Object readiness = new Object();

	private final @Nullable Runnable onChange;

	private final HandshakeRefusals refusals;

	/** Round-robin position; used by the holder only. */
	private int next;

	private EndpointSockets(ZmqSocketFactory socketFactory, SocketType type, ZmqEndpoint endpoint,
			@Nullable Runnable onChange, HandshakeRefusals refusals) {
		this.socketFactory = socketFactory;
		this.refusals = refusals;
		this.type = type;
		this.endpoint = endpoint;
		this.onChange = onChange;
		this.gated = (type == SocketType.DEALER || type == SocketType.PUSH) && endpoint.addresses()
			.stream()
			.noneMatch((address) -> address.bind() || "inproc".equals(address.transport()));
		this.sockets = new TemplateSocket[this.gated ? endpoint.addresses().size() : 1];
	}

	/**
	 * Open the sockets of an endpoint.
	 * @param socketFactory the factory
	 * @param type {@code DEALER}, {@code PUSH} or {@code XPUB}
	 * @param endpoint the endpoint
	 * @param onChange also called on JeroMQ's I/O thread when a gated socket gains or
	 * loses a ready connection; may be {@code null}
	 * @return the open sockets
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	static EndpointSockets open(ZmqSocketFactory socketFactory, SocketType type, ZmqEndpoint endpoint,
			@Nullable Runnable onChange) {
		return open(socketFactory, type, endpoint, onChange, new HandshakeRefusals());
	}

	/**
	 * Open the sockets of an endpoint, recording the handshakes servers refuse.
	 * @param socketFactory the factory
	 * @param type {@code DEALER}, {@code PUSH} or {@code XPUB}
	 * @param endpoint the endpoint
	 * @param onChange also called on JeroMQ's I/O thread when a gated socket gains or
	 * loses a ready connection; may be {@code null}
	 * @param refusals where refused handshakes are recorded, shared by the endpoint's
	 * socket sets
	 * @return the open sockets
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	static EndpointSockets open(ZmqSocketFactory socketFactory, SocketType type, ZmqEndpoint endpoint,
			@Nullable Runnable onChange, HandshakeRefusals refusals) {
		EndpointSockets opened = new EndpointSockets(socketFactory, type, endpoint, onChange, refusals);
		try {
			for (int slot = 0; slot < opened.sockets.length; slot++) {
				opened.sockets[slot] = opened.openSocket(slot);
			}
		}
		catch (RuntimeException ex) {
			opened.close();
			throw ex;
		}
		return opened;
	}

	private TemplateSocket openSocket(int slot) {
		ZmqEndpoint target = this.gated ? new ZmqEndpoint(this.endpoint.name(),
				List.of(this.endpoint.addresses().get(slot)), this.endpoint.options()) : this.endpoint;
		TemplateSocket[] created = new TemplateSocket[1];
		ZmqSocketOwner owner = ZmqSocketOwner.template(this.endpoint.name(), "ZmqTemplate " + describe());
		this.socketFactory.open(this.type, target, owner,
				(bound) -> logger.info("ZmqTemplate " + publicType() + " socket bound " + bound), (raw) -> {
					if (this.type == SocketType.XPUB) {
						// every subscribe message reaches the template, not only the
						// first per topic
						raw.setXpubVerbose(true);
					}
					created[0] = this.gated ? TemplateSocket.gated(raw, slot, this::connectionsChanged)
							: TemplateSocket.ungated(raw, slot);
				}, (event) -> {
					this.refusals.onEvent(event);
					TemplateSocket opened = created[0];
					if (opened != null) {
						opened.onEvent(event);
					}
				});
		return created[0];
	}

	private void connectionsChanged() {
		synchronized (this.readiness) {
			this.readiness.notifyAll();
		}
		if (this.onChange != null) {
			this.onChange.run();
		}
	}

	/**
	 * Return where this set records refused handshakes.
	 * @return the endpoint's record
	 */
	HandshakeRefusals refusals() {
		return this.refusals;
	}

	/**
	 * Return every socket of the set, one per slot.
	 * @return the sockets; the array must not be changed
	 */
	TemplateSocket[] sockets() {
		return this.sockets;
	}

	/**
	 * Return the next socket, in round-robin order, that may be written to.
	 * @return the socket, or {@code null} if no connection is ready
	 */
	@Nullable TemplateSocket nextReady() {
		int count = this.sockets.length;
		for (int i = 0; i < count; i++) {
			int index = (this.next + i) % count;
			TemplateSocket socket = this.sockets[index];
			if (socket.ready()) {
				this.next = index + 1;
				return socket;
			}
		}
		return null;
	}

	/**
	 * Wait, at most until the deadline, for a socket that may be written to.
	 * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
	 * @return the socket, or {@code null} if none became ready in time
	 * @throws InterruptedException if the caller was interrupted while waiting
	 */
	@Nullable TemplateSocket awaitReady(long deadlineNanos) throws InterruptedException {
		TemplateSocket ready = nextReady();
		if (ready != null || !this.gated) {
			return ready;
		}
		synchronized (this.readiness) {
			while ((ready = nextReady()) == null) {
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(this.readiness, remaining);
			}
			return ready;
		}
	}

	/**
	 * Give a socket's slot a fresh socket (new connections, for a retried request). The
	 * replaced socket is left open for the holder to read a late reply from and close.
	 * @param old the socket to replace
	 * @return {@code true} if replaced, {@code false} if a fresh socket could not be
	 * opened (the old one then stays in place)
	 */
	boolean replace(TemplateSocket old) {
		try {
			this.sockets[old.slot] = openSocket(old.slot);
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not open a fresh socket for " + describe() + "; retrying on the current one", ex);
			return false;
		}
	}

	/**
	 * Close every socket, keeping their linger so queued messages are flushed.
	 */
	void close() {
		for (TemplateSocket socket : this.sockets) {
			if (socket != null) {
				closeQuietly(socket.socket, this);
			}
		}
	}

	static void closeQuietly(ZMQ.Socket socket, EndpointSockets owner) {
		try {
			// close(), not destroySocket(): keeps the socket's linger so queued
			// messages are flushed
			socket.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not close " + owner.describe(), ex);
		}
	}

	private SocketType publicType() {
		return (this.type == SocketType.XPUB) ? SocketType.PUB : this.type;
	}

	String describe() {
		return publicType() + " socket of endpoint '" + this.endpoint.name() + "' (" + this.endpoint.describeAddresses()
				+ ")";
	}

}
