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

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The receiving side of a raw JeroMQ baseline: one thread that binds a socket, runs a
 * loop on it until the context is terminated, then closes it (a socket is only touched by
 * its own thread).
 *
 * @author zmq-spring contributors
 */
public final class RawPeer {

	/**
	 * What the peer does with its socket: receive (and answer) forever; a
	 * {@link ZMQException} with {@code ETERM} ends it.
	 */
	@FunctionalInterface
	public interface Loop {

		/**
		 * Serve the socket.
		 * @param socket the bound socket
		 */
		void run(ZMQ.Socket socket);

	}

	private final Thread thread;

	private final String address;

	private RawPeer(Thread thread, String address) {
		this.thread = thread;
		this.address = address;
	}

	/**
	 * Start a peer bound to tcp loopback (wildcard port) or a unique inproc name.
	 * @param context the context, terminated by the caller to stop the peer
	 * @param type the socket type
	 * @param transport where to bind
	 * @param configure sets socket options before binding
	 * @param loop the receive loop
	 * @return the peer, once bound
	 */
	public static RawPeer start(ZMQ.Context context, SocketType type, Transport transport,
			Consumer<ZMQ.Socket> configure, Loop loop) {
		String bindAddress = (transport == Transport.TCP) ? "tcp://127.0.0.1:*"
				: "inproc://zmq-raw-bench-" + UUID.randomUUID();
		CountDownLatch bound = new CountDownLatch(1);
		String[] address = new String[1];
		RuntimeException[] failure = new RuntimeException[1];
		Thread thread = new Thread(() -> {
			ZMQ.Socket socket;
			try {
				socket = context.socket(type);
				configure.accept(socket);
				socket.bind(bindAddress);
				address[0] = socket.getLastEndpoint();
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
				return;
			}
			finally {
				bound.countDown();
			}
			try {
				loop.run(socket);
			}
			catch (ZMQException ex) {
				if (ex.getErrorCode() != zmq.ZError.ETERM) {
					throw ex;
				}
			}
			finally {
				socket.setLinger(0);
				socket.close();
			}
		}, "raw-" + type.name().toLowerCase() + "-peer");
		thread.setDaemon(true);
		thread.start();
		try {
			if (!bound.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Raw peer did not bind in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return new RawPeer(thread, address[0]);
	}

	/**
	 * Return the address the peer's socket is bound to (the real port for tcp).
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Wait for the peer's thread to end after the context was terminated.
	 */
	public void join() {
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Close the caller's sockets, terminate the context (which ends the peer's loop) and
	 * wait for the peer.
	 * @param context the context
	 * @param sockets the caller's sockets
	 * @param peer the peer, may be {@code null}
	 */
	public static void shutdown(ZMQ.Context context, RawPeer peer, ZMQ.Socket... sockets) {
		for (ZMQ.Socket socket : sockets) {
			if (socket != null) {
				socket.setLinger(0);
				socket.close();
			}
		}
		context.term();
		if (peer != null) {
			peer.join();
		}
	}

}
