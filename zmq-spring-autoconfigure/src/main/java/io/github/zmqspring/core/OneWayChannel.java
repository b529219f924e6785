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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The push or publish side of one endpoint. The calling thread writes to the socket
 * itself, holding the channel's lock for the duration of the call (uncontended, a few
 * nanoseconds; a JeroMQ socket may move between threads through a lock). A push waits, at
 * most the send timeout, while no peer has completed a connection or every peer's queue
 * is full; a publish never waits. The XPUB socket of a publish endpoint is also read,
 * under the same lock, for its subscriptions: by the publisher after each send, and by
 * the template's background thread when the socket signals.
 */
final class OneWayChannel {

	/** How long one blocking send waits before the ready sockets are looked at again. */
	private static final long BLOCKING_SLICE_MILLIS = 100;

	final SocketType type;

	final ZmqEndpoint endpoint;

	final Duration sendTimeout;

	final ZmqTemplateCounters counters;

	private final ZmqSocketFactory socketFactory;

	private final TemplateWatcher watcher;

	private final ReentrantLock lock = new ReentrantLock();

	private final @Nullable SubscriptionTable subscriptions;

	private final AtomicLong unrouted = new AtomicLong();

	/** Guarded by {@link #lock}; {@code null} until first used. */
	private @Nullable EndpointSockets sockets;

	private volatile boolean closed;

	OneWayChannel(SocketType type, ZmqEndpoint endpoint, Duration sendTimeout, ZmqTemplateCounters counters,
			ZmqSocketFactory socketFactory, TemplateWatcher watcher) {
		this.type = type;
		this.endpoint = endpoint;
		this.sendTimeout = sendTimeout;
		this.counters = counters;
		this.socketFactory = socketFactory;
		this.watcher = watcher;
		this.subscriptions = (type == SocketType.PUB) ? new SubscriptionTable() : null;
	}

	/**
	 * Write a message, on the calling thread.
	 * @param frames the message
	 * @throws ZmqSendException if a push found no peer to take it within the send timeout
	 * (it is then not sent), or the template is closed
	 * @throws ZmqBindException if the endpoint's socket cannot be opened
	 */
	void send(ZmqFrames frames) {
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		acquire(deadline);
		try {
			EndpointSockets open = open();
			if (this.type == SocketType.PUB) {
				publish(open.sockets()[0].socket, frames);
			}
			else if (!tryPush(open, frames)) {
				pushWaiting(open, frames, deadline);
			}
		}
		catch (ZMQException ex) {
			throw failed(ex);
		}
		finally {
			release();
		}
	}

	private void publish(ZMQ.Socket socket, ZmqFrames frames) {
		// XPUB never blocks: a subscriber whose queue is full misses the message (PUB
		// semantics)
		FrameIo.trySend(socket, frames);
		this.counters.sentExclusively(frames);
		SubscriptionTable table = this.subscriptions;
		if (!table.matches(frames.frame(0))) {
			this.unrouted.incrementAndGet();
		}
		// the send may have taken in subscriptions; the socket will not signal them again
		table.drain(socket);
	}

	private boolean tryPush(EndpointSockets open, ZmqFrames frames) {
		int count = open.sockets().length;
		for (int i = 0; i < count; i++) {
			TemplateSocket socket = open.nextReady();
			if (socket == null) {
				return false;
			}
			if (FrameIo.trySend(socket.socket, frames)) {
				this.counters.sentExclusively(frames);
				return true;
			}
		}
		return false;
	}

	private void pushWaiting(EndpointSockets open, ZmqFrames frames, long deadline) {
		try {
			while (true) {
				TemplateSocket ready = open.awaitReady(deadline);
				if (ready == null) {
					throw noPeer();
				}
				if (tryPush(open, frames)) {
					return;
				}
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					throw noPeer();
				}
				// every ready peer's queue is full: wait on one of them, a slice at a
				// time,
				// so that another peer becoming ready or writable is seen too
				if (FrameIo.sendBlocking(ready.socket, frames, Math.min(remaining, BLOCKING_SLICE_MILLIS))) {
					this.counters.sentExclusively(frames);
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqSendException("Interrupted while waiting to send to " + describe(), ex);
		}
	}

	/**
	 * Open the socket without sending (so that subscribers may connect to a publisher).
	 */
	void open(long deadline) {
		acquire(deadline);
		try {
			open();
		}
		finally {
			release();
		}
	}

	private EndpointSockets open() {
		EndpointSockets open = this.sockets;
		if (open == null) {
			SocketType socketType = (this.type == SocketType.PUB) ? SocketType.XPUB : this.type;
			// a failure (an address in use) reaches this caller; the next call tries
			// again
			open = EndpointSockets.open(this.socketFactory, socketType, this.endpoint, null);
			this.sockets = open;
			if (this.subscriptions != null) {
				this.watcher.watch(open.sockets()[0].socket.getFD(), this::drainSubscriptions);
			}
		}
		return open;
	}

	/**
	 * Read the subscriptions the XPUB socket signalled; called on the background thread.
	 * @return whether anything was read
	 */
	private boolean drainSubscriptions() {
		// publishers hold the lock only for a non-blocking send
		this.lock.lock();
		try {
			EndpointSockets open = this.sockets;
			return open != null && !this.closed && this.subscriptions.drain(open.sockets()[0].socket);
		}
		finally {
			release();
		}
	}

	/**
	 * Wait for subscriptions of a publish endpoint, opening its socket first.
	 * @param topic the topic they must match, {@code null} for any
	 * @param count how many
	 * @param timeout how long to wait for them
	 * @return whether there are enough
	 */
	boolean awaitSubscribers(byte @Nullable [] topic, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		// opening is bounded by the send timeout, not by the (maybe short) wait
		open(System.nanoTime() + this.sendTimeout.toNanos());
		try {
			return this.subscriptions.await(topic, count, deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqSendException("Interrupted while waiting for subscribers of " + describe(), ex);
		}
	}

	long unrouted() {
		return this.unrouted.get();
	}

	private void acquire(long deadline) {
		if (Thread.currentThread().isInterrupted()) {
			// JeroMQ fails every call of an interrupted thread (EINTR) and clears its
			// flag
			throw new ZmqSendException("Interrupted before sending to " + describe());
		}
		if (this.closed) {
			throw new ZmqSendException("ZmqTemplate is closed");
		}
		if (this.lock.tryLock()) {
			return;
		}
		try {
			if (!this.lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new ZmqSendException("Could not send to " + describe() + " within " + this.sendTimeout.toMillis()
						+ " ms: other callers held its socket that long (peers slower than the senders)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqSendException("Interrupted while waiting to send to " + describe(), ex);
		}
	}

	private void release() {
		if (this.closed && this.sockets != null) {
			// the template closed while this caller held the socket: close it now, never
			// from under its user
			this.sockets.close();
			this.sockets = null;
		}
		this.lock.unlock();
	}

	/**
	 * A JeroMQ failure mid-call leaves the socket in an unknown state: close it, the next
	 * call opens a fresh one.
	 */
	private ZmqSendException failed(ZMQException ex) {
		if (this.sockets != null) {
			this.sockets.close();
			this.sockets = null;
		}
		if (ex.getErrorCode() == zmq.ZError.EINTR) {
			Thread.currentThread().interrupt();
			return new ZmqSendException("Interrupted while sending to " + describe(), ex);
		}
		return new ZmqSendException("Could not send to " + describe(), ex);
	}

	/**
	 * Close the socket: now if no caller holds it, else when its caller lets go.
	 * @param timeout how long to wait for a caller that holds it
	 */
	void close(Duration timeout) {
		this.closed = true;
		try {
			if (this.lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				release();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ZmqSendException noPeer() {
		return new ZmqSendException(
				"No peer of " + describe() + " took the message within " + this.sendTimeout.toMillis()
						+ " ms (no connected peer, or every peer's queue is full); the message was not sent");
	}

	String describe() {
		return this.type + " socket of endpoint '" + this.endpoint.name() + "' (" + this.endpoint.describeAddresses()
				+ ")";
	}

}
