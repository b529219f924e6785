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
package io.github.zmqspring.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.support.ControlledSocketThread;

/**
 * The body of one proxy thread: opens the front and back sockets and an {@code inproc}
 * PULL control socket, forwards whole messages between the two sides while blocked in a
 * poller, and closes every socket when told {@code TERMINATE} on the control socket.
 * <p>
 * A side that cannot take a message now (a DEALER or PUSH back end with no peer, or at
 * its high-water mark) is never waited for in {@code send}: the message is kept, the
 * poller waits for that side to become writable instead of reading more from the other
 * side, and the control socket is served all the while. Replies (queue) and subscriptions
 * (forwarder) keep flowing the other way.
 */
final class ProxyLoop extends ControlledSocketThread {

	private static final Log logger = LogFactory.getLog(ProxyLoop.class);

	/**
	 * Messages forwarded per wake-up before the control socket is looked at again.
	 */
	private static final int BATCH = 256;

	private final Supplier<ZMQ.Socket> frontendOpener;

	private final Supplier<ZMQ.Socket> backendOpener;

	private final boolean twoWay;

	private final LongAdder toBackend;

	private final LongAdder toFrontend;

	ProxyLoop(String name, ZContext context, Supplier<ZMQ.Socket> frontendOpener, Supplier<ZMQ.Socket> backendOpener,
			boolean twoWay, LongAdder toBackend, LongAdder toFrontend, String controlAddress) {
		super(name, context, controlAddress);
		this.frontendOpener = frontendOpener;
		this.backendOpener = backendOpener;
		this.twoWay = twoWay;
		this.toBackend = toBackend;
		this.toFrontend = toFrontend;
	}

	@Override
	public void run() {
		ZMQ.Socket control = null;
		ZMQ.Socket frontend = null;
		ZMQ.Socket backend = null;
		try {
			control = openControlSocket();
			frontend = this.frontendOpener.get();
			backend = this.backendOpener.get();
		}
		catch (RuntimeException ex) {
			closeAll(backend, frontend, control);
			failedToStart(ex);
			return;
		}
		ready();
		try {
			route(control, frontend, backend);
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("ZeroMQ proxy thread " + getName() + " failed", ex);
			}
		}
		catch (RuntimeException ex) {
			logger.error("ZeroMQ proxy thread " + getName() + " failed", ex);
		}
		finally {
			closeAll(backend, frontend, control);
			terminated();
		}
	}

	private void route(ZMQ.Socket control, ZMQ.Socket frontend, ZMQ.Socket backend) {
		Direction forward = new Direction(frontend, backend, this.toBackend);
		Direction reverse = this.twoWay ? new Direction(backend, frontend, this.toFrontend) : null;
		ZMQ.Poller poller = getContext().createPoller(3);
		try {
			boolean changed = true;
			while (true) {
				if (changed) {
					register(poller, control, forward, reverse);
					changed = false;
				}
				if (poller.poll(-1) < 0) {
					return;
				}
				if (poller.pollin(0)) {
					byte[] command = control.recv(ZMQ.DONTWAIT);
					if (command != null && isTerminate(command)) {
						forward.discardPending(getName());
						if (reverse != null) {
							reverse.discardPending(getName());
						}
						return;
					}
				}
				// item 1 is the front end, item 2 the back end
				changed |= forward.step(poller.pollin(1), poller.pollout(2));
				if (reverse != null) {
					changed |= reverse.step(poller.pollin(2), poller.pollout(1));
				}
			}
		}
		finally {
			poller.close();
		}
	}

	/**
	 * Register control, front end and back end, in that order, each for what it is waited
	 * for now: to be read from, or (while a message waits for it) to be written to.
	 */
	private static void register(ZMQ.Poller poller, ZMQ.Socket control, Direction forward,
			@Nullable Direction reverse) {
		poller.unregister(control);
		poller.unregister(forward.source);
		poller.unregister(forward.target);
		int frontendEvents = forward.readEvents();
		int backendEvents = forward.writeEvents();
		if (reverse != null) {
			backendEvents |= reverse.readEvents();
			frontendEvents |= reverse.writeEvents();
		}
		poller.register(control, ZMQ.Poller.POLLIN);
		poller.register(forward.source, frontendEvents);
		poller.register(forward.target, backendEvents);
	}

	private static void closeAll(ZMQ.@Nullable Socket... sockets) {
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
	}

	/**
	 * One direction of the proxy: reads whole messages from one socket and writes them,
	 * frame by frame and in order, to the other.
	 */
	private static final class Direction {

		private final ZMQ.Socket source;

		private final ZMQ.Socket target;

		private final LongAdder forwarded;

		/**
		 * A message read from the source that the target could not take yet.
		 */
		private @Nullable List<byte[]> pending;

		Direction(ZMQ.Socket source, ZMQ.Socket target, LongAdder forwarded) {
			this.source = source;
			this.target = target;
			this.forwarded = forwarded;
		}

		int readEvents() {
			return (this.pending == null) ? ZMQ.Poller.POLLIN : 0;
		}

		int writeEvents() {
			return (this.pending != null) ? ZMQ.Poller.POLLOUT : 0;
		}

		/**
		 * Move what can be moved now.
		 * @param readable whether the poller saw the source readable
		 * @param writable whether the poller saw the target writable
		 * @return whether this direction started or stopped waiting for its target
		 */
		boolean step(boolean readable, boolean writable) {
			List<byte[]> waiting = this.pending;
			if (waiting != null) {
				if (writable && sendPending(waiting)) {
					this.pending = null;
					this.forwarded.increment();
					return true;
				}
				return false;
			}
			if (!readable) {
				return false;
			}
			for (int i = 0; i < BATCH; i++) {
				byte[] first = this.source.recv(ZMQ.DONTWAIT);
				if (first == null) {
					return false;
				}
				if (!forward(first)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Forward one message whose first frame has been read; keep it if the target
		 * cannot take it now.
		 * @return whether it went out
		 */
		private boolean forward(byte[] first) {
			boolean more = this.source.hasReceiveMore();
			if (this.target.send(first, (more ? ZMQ.SNDMORE : 0) | ZMQ.DONTWAIT)) {
				// once the first frame is queued, the rest of the message is accepted too
				while (more) {
					byte[] frame = this.source.recv(0);
					more = this.source.hasReceiveMore();
					this.target.send(frame, more ? ZMQ.SNDMORE : 0);
				}
				this.forwarded.increment();
				return true;
			}
			List<byte[]> message = new ArrayList<>();
			message.add(first);
			while (more) {
				message.add(this.source.recv(0));
				more = this.source.hasReceiveMore();
			}
			this.pending = message;
			return false;
		}

		private boolean sendPending(List<byte[]> message) {
			int last = message.size() - 1;
			if (!this.target.send(message.get(0), ((last > 0) ? ZMQ.SNDMORE : 0) | ZMQ.DONTWAIT)) {
				return false;
			}
			for (int i = 1; i <= last; i++) {
				this.target.send(message.get(i), (i < last) ? ZMQ.SNDMORE : 0);
			}
			return true;
		}

		void discardPending(String name) {
			if (this.pending != null && logger.isDebugEnabled()) {
				logger.debug(name + " stopped with one message no peer could take; it is dropped");
			}
			this.pending = null;
		}

	}

}
