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

package io.github.zmqspring.listener;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqErrorReply;
import io.github.zmqspring.support.ControlledSocketThread;

/**
 * The thread that shares one front socket (bound or connected to peers) among several
 * worker threads. The workers are DEALER sockets connected over {@code inproc} to the
 * proxy's ROUTER back socket; each announces itself when it is idle, and the proxy hands
 * a message only to an idle worker (least-recently-used dispatch). Everything not handed
 * out yet stays queued on the front socket, so nothing waits behind a busy or hung
 * worker, and the front socket's receive high-water mark bounds what is taken from peers.
 * <p>
 * For a replier, the proxy keeps each request's envelope (routing frames up to and
 * including the empty delimiter) and sends the worker only the body; it answers with the
 * envelope plus the worker's reply. A request without a valid envelope cannot be answered
 * and is rejected. With a handler timeout, a request whose handler has not returned in
 * time is answered with {@code 504 Gateway Timeout}, the handler is interrupted, and its
 * late reply is discarded.
 * <p>
 * Stopped through its control socket, the proxy detaches the front socket from its peers
 * (unbind), hands what the front socket had already received to the workers, waits for
 * the replies and completions still owed, and then ends (within the shutdown timeout).
 */
final class SocketProxy extends ControlledSocketThread {

	private static final Log logger = LogFactory.getLog(SocketProxy.class);

	/**
	 * What the proxy reports to its container.
	 */
	interface Callbacks {

		/**
		 * A message was taken from the front socket.
		 */
		void received();

		/**
		 * A request without a valid envelope was dropped.
		 * @param frames the request, routing frames included
		 */
		void rejectedEnvelope(ZmqFrames frames);

		/**
		 * A handler timed out and its request was answered with an error.
		 * @param worker the identity of the worker
		 * @param timeout the handler timeout
		 */
		void timedOut(String worker, Duration timeout);

		/**
		 * Detach the front socket from its peers, on the proxy thread.
		 * @param frontend the front socket
		 */
		void detach(ZMQ.Socket frontend);

	}

	private final Supplier<ZMQ.Socket> frontendOpener;

	private final String backendAddress;

	private final boolean replies;

	private final Callbacks callbacks;

	private final @Nullable Duration handlerTimeout;

	private final Duration shutdownTimeout;

	private final int drainLimit;

	private final Map<String, Slot> slots = new HashMap<>();

	private final Deque<Slot> idle = new ArrayDeque<>();

	/**
	 * Requests handed to workers and not answered yet (a timed-out one is answered).
	 */
	private int owed;

	/**
	 * Create a proxy.
	 * @param name the thread name
	 * @param context the context of every socket
	 * @param frontendOpener opens the front socket, on the proxy thread
	 * @param backendAddress the {@code inproc} address the workers connect to
	 * @param replies whether the front socket is a ROUTER whose requests get replies
	 * @param callbacks what the proxy reports to
	 * @param handlerTimeout how long a replier's handler may take, {@code null} for no
	 * limit
	 * @param shutdownTimeout how long stopping may hand out what was received
	 * @param drainLimit the most messages to hand out when stopping
	 */
	SocketProxy(String name, ZContext context, Supplier<ZMQ.Socket> frontendOpener, String backendAddress,
			boolean replies, Callbacks callbacks, @Nullable Duration handlerTimeout, Duration shutdownTimeout,
			int drainLimit) {
		super(name, context, backendAddress + "-control");
		this.frontendOpener = frontendOpener;
		this.backendAddress = backendAddress;
		this.replies = replies;
		this.callbacks = callbacks;
		this.handlerTimeout = handlerTimeout;
		this.shutdownTimeout = shutdownTimeout;
		this.drainLimit = drainLimit;
	}

	@Override
	public void run() {
		ZMQ.Socket frontend = null;
		ZMQ.Socket backend = null;
		ZMQ.Socket control = null;
		Selector selector = null;
		try {
			backend = getContext().createSocket(SocketType.ROUTER);
			backend.setLinger(0);
			backend.bind(this.backendAddress);
			control = openControlSocket();
			selector = Selector.open();
			frontend = this.frontendOpener.get();
		}
		catch (RuntimeException | IOException ex) {
			closeAll(selector, frontend, backend, control);
			failedToStart((ex instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Could not open a selector for " + getName(), ex));
			return;
		}
		ready();
		try {
			route(selector, frontend, backend, control);
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Proxy thread " + getName() + " failed", ex);
			}
		}
		catch (RuntimeException | Error ex) {
			logger.error("Proxy thread " + getName() + " stopped on an unexpected error", ex);
		}
		finally {
			closeAll(selector, frontend, backend, control);
			terminated();
		}
	}

	private void route(Selector selector, ZMQ.Socket frontend, ZMQ.Socket backend, ZMQ.Socket control) {
		ZMQ.PollItem[] items = { new ZMQ.PollItem(control, ZMQ.Poller.POLLIN),
				new ZMQ.PollItem(backend, ZMQ.Poller.POLLIN), new ZMQ.PollItem(frontend, ZMQ.Poller.POLLIN) };
		boolean draining = false;
		boolean frontendEmpty = false;
		long drainDeadline = 0;
		int drained = 0;
		while (true) {
			if (draining) {
				while (!frontendEmpty && !this.idle.isEmpty()) {
					ZmqFrames message = (drained < this.drainLimit) ? receive(frontend, ZMQ.DONTWAIT) : null;
					if (message == null) {
						frontendEmpty = true;
					}
					else {
						drained++;
						dispatch(message, frontend, backend);
					}
				}
				if (frontendEmpty && this.owed == 0) {
					return;
				}
				if (System.nanoTime() - drainDeadline >= 0) {
					logger.warn("Proxy thread " + getName() + " stopped at the shutdown timeout with " + this.owed
							+ " message(s) still being handled" + (frontendEmpty ? "" : " and more not handed out"));
					return;
				}
			}
			int count = (!draining && !this.idle.isEmpty()) ? 3 : 2;
			long timeout = pollTimeout(draining ? drainDeadline : null);
			if (ZMQ.poll(selector, items, count, timeout) < 0) {
				return;
			}
			if (items[0].isReadable()) {
				control.recv(0);
				if (!draining) {
					draining = true;
					drainDeadline = System.nanoTime() + this.shutdownTimeout.toNanos();
					this.callbacks.detach(frontend);
				}
				continue;
			}
			if (items[1].isReadable()) {
				fromWorker(receive(backend, 0), frontend);
			}
			if (count == 3 && items[2].isReadable() && !this.idle.isEmpty()) {
				ZmqFrames message = receive(frontend, ZMQ.DONTWAIT);
				if (message != null) {
					dispatch(message, frontend, backend);
				}
			}
			expireHandlers(frontend);
		}
	}

	private long pollTimeout(@Nullable Long drainDeadline) {
		long now = System.nanoTime();
		long next = (drainDeadline != null) ? drainDeadline : Long.MAX_VALUE;
		if (this.handlerTimeout != null) {
			for (Slot slot : this.slots.values()) {
				if (slot.owed() && slot.deadline - next < 0) {
					next = slot.deadline;
				}
			}
		}
		if (next == Long.MAX_VALUE) {
			return -1;
		}
		// round up, so the poll does not return just before the deadline
		return Math.max(0, (next - now + 999_999) / 1_000_000);
	}

	private void dispatch(ZmqFrames message, ZMQ.Socket frontend, ZMQ.Socket backend) {
		this.callbacks.received();
		ZmqFrames body = message;
		@Nullable ZmqFrames envelope = null;
		if (this.replies) {
			Envelope split = Envelope.split(message);
			if (split == null) {
				this.callbacks.rejectedEnvelope(message);
				return;
			}
			envelope = split.envelope();
			body = split.body();
		}
		Slot slot = this.idle.poll();
		slot.busy = true;
		slot.envelope = envelope;
		if (this.handlerTimeout != null) {
			slot.deadline = System.nanoTime() + this.handlerTimeout.toNanos();
		}
		this.owed++;
		backend.send(slot.id, ZMQ.SNDMORE);
		send(backend, body, 0);
	}

	private void fromWorker(@Nullable ZmqFrames message, ZMQ.Socket frontend) {
		if (message == null || message.size() < 2) {
			return;
		}
		byte[] id = message.frame(0);
		String key = new String(id, StandardCharsets.ISO_8859_1);
		Slot slot = this.slots.get(key);
		if (slot == null) {
			// a worker announcing itself
			slot = new Slot(id, key);
			this.slots.put(key, slot);
			this.idle.add(slot);
			return;
		}
		if (!slot.busy) {
			return;
		}
		if (this.replies && slot.envelope != null && !slot.timedOut) {
			reply(frontend, slot.envelope, message.from(1));
		}
		else if (slot.timedOut) {
			logger.debug("Discarded the late reply of worker " + key + " of " + getName());
		}
		if (!slot.timedOut) {
			this.owed--;
		}
		slot.busy = false;
		slot.timedOut = false;
		slot.envelope = null;
		this.idle.add(slot);
	}

	private void expireHandlers(ZMQ.Socket frontend) {
		Duration timeout = this.handlerTimeout;
		if (timeout == null || this.owed == 0) {
			return;
		}
		long now = System.nanoTime();
		for (Slot slot : this.slots.values()) {
			if (slot.owed() && now - slot.deadline >= 0) {
				slot.timedOut = true;
				this.owed--;
				// counted before the client can see the reply
				this.callbacks.timedOut(slot.key, timeout);
				if (slot.envelope != null) {
					reply(frontend, slot.envelope, ZmqFrames.of(ZmqErrorReply.GATEWAY_TIMEOUT.toFrame()));
				}
			}
		}
	}

	private static void reply(ZMQ.Socket frontend, ZmqFrames envelope, ZmqFrames reply) {
		send(frontend, envelope, ZMQ.SNDMORE);
		send(frontend, reply, 0);
	}

	private static void send(ZMQ.Socket socket, ZmqFrames frames, int lastFlags) {
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			socket.send(frames.frame(i), (i < last) ? ZMQ.SNDMORE : lastFlags);
		}
	}

	private static @Nullable ZmqFrames receive(ZMQ.Socket socket, int flags) {
		byte[] first = socket.recv(flags);
		if (first == null) {
			return null;
		}
		if (!socket.hasReceiveMore()) {
			return ZmqFrames.of(first);
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return ZmqFrames.of(frames);
	}

	private static void closeAll(@Nullable Selector selector, ZMQ.@Nullable Socket... sockets) {
		for (ZMQ.Socket socket : sockets) {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (RuntimeException ex) {
					logger.debug("Could not close a proxy socket", ex);
				}
			}
		}
		if (selector != null) {
			try {
				selector.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the selector of a proxy", ex);
			}
		}
	}

	/**
	 * One worker as the proxy sees it.
	 */
	private static final class Slot {

		final byte[] id;

		final String key;

		boolean busy;

		boolean timedOut;

		@Nullable ZmqFrames envelope;

		long deadline;

		Slot(byte[] id, String key) {
			this.id = id;
			this.key = key;
		}

		/**
		 * Return whether the worker owes a reply the proxy has not answered yet.
		 */
		boolean owed() {
			return this.busy && !this.timedOut;
		}

	}

}
