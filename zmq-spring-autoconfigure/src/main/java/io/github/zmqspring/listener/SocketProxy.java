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

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The thread that shares one front socket (bound or connected to peers) among several
 * worker sockets over {@code inproc}. Stopped through its control socket, it first stops
 * reading the front socket, then (for request-reply) keeps routing replies back until
 * every request it handed to a worker has been answered, so stopping loses no reply that
 * a worker produces.
 */
final class SocketProxy extends SocketThread {

	private static final Log logger = LogFactory.getLog(SocketProxy.class);

	private static final byte[] TERMINATE = "TERMINATE".getBytes(StandardCharsets.US_ASCII);

	private final ZContext context;

	private final Supplier<ZMQ.Socket> frontendOpener;

	private final SocketType backendType;

	private final String backendAddress;

	private final String controlAddress;

	SocketProxy(String name, ZContext context, Supplier<ZMQ.Socket> frontendOpener, SocketType backendType,
			String backendAddress) {
		super(name);
		this.context = context;
		this.frontendOpener = frontendOpener;
		this.backendType = backendType;
		this.backendAddress = backendAddress;
		this.controlAddress = backendAddress + "-control";
	}

	/**
	 * Tell the proxy to stop, from any thread: a short-lived PAIR socket owned by the
	 * calling thread sends the command.
	 */
	@Override
	void requestStop() {
		if (isTerminated()) {
			return;
		}
		try (ZMQ.Socket control = this.context.createSocket(SocketType.PAIR)) {
			control.setLinger(1000);
			control.connect(this.controlAddress);
			control.send(TERMINATE, 0);
		}
		catch (ZMQException ex) {
			logger.debug("Could not send TERMINATE to " + getName(), ex);
		}
	}

	@Override
	public void run() {
		ZMQ.Socket frontend = null;
		ZMQ.Socket backend = null;
		ZMQ.Socket control = null;
		try {
			backend = this.context.createSocket(this.backendType);
			// a worker may still read what was handed to it before the proxy closed
			backend.setLinger(1000);
			backend.bind(this.backendAddress);
			control = this.context.createSocket(SocketType.PAIR);
			control.bind(this.controlAddress);
			frontend = this.frontendOpener.get();
		}
		catch (RuntimeException ex) {
			closeAll(frontend, backend, control);
			failedToStart(ex);
			return;
		}
		ready();
		try {
			route(frontend, backend, control);
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Proxy thread " + getName() + " failed", ex);
			}
		}
		finally {
			closeAll(frontend, backend, control);
			terminated();
		}
	}

	private void route(ZMQ.Socket frontend, ZMQ.Socket backend, ZMQ.Socket control) {
		boolean replies = this.backendType == SocketType.DEALER;
		long outstanding = 0;
		boolean draining = false;
		ZMQ.Poller poller = this.context.createPoller(3);
		try {
			int controlIndex = poller.register(control, ZMQ.Poller.POLLIN);
			int backIndex = poller.register(backend, ZMQ.Poller.POLLIN);
			// registered last: unregistering it when draining leaves the other indexes
			// unchanged
			int frontIndex = poller.register(frontend, ZMQ.Poller.POLLIN);
			while (!draining || (replies && outstanding > 0)) {
				if (poller.poll(-1) < 0) {
					return;
				}
				if (poller.pollin(controlIndex)) {
					control.recv(0);
					draining = true;
					poller.unregister(frontend);
					continue;
				}
				if (!draining && poller.pollin(frontIndex)) {
					forward(frontend, backend);
					outstanding++;
				}
				if (replies && poller.pollin(backIndex)) {
					forward(backend, frontend);
					outstanding--;
				}
			}
		}
		finally {
			poller.close();
		}
	}

	private static void forward(ZMQ.Socket from, ZMQ.Socket to) {
		while (true) {
			byte[] frame = from.recv(0);
			boolean more = from.hasReceiveMore();
			to.send(frame, more ? ZMQ.SNDMORE : 0);
			if (!more) {
				return;
			}
		}
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

}
