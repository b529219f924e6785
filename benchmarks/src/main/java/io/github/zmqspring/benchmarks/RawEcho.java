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

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The raw server of the concurrent request baselines: one thread with a ROUTER socket
 * that sends every message back as it came, envelope and all, so REQ and DEALER clients
 * both get their replies. A ROUTER echo is the cheapest correct server JeroMQ offers (no
 * REP state machine, any number of requests queued), and like the starter's
 * {@code @ZmqReplier} with its default concurrency it serves every client from one
 * thread.
 *
 * @param context the context the clients connect through, terminated to stop the server
 * @param peer the server thread
 * @author zmq-spring contributors
 */
public record RawEcho(ZMQ.Context context, RawPeer peer) {

	/**
	 * Start the echo thread on a context of its own.
	 * @param transport where it binds
	 * @return the running server
	 */
	public static RawEcho start(Transport transport) {
		ZMQ.Context context = ZMQ.context(1);
		RawPeer peer = RawPeer.start(context, SocketType.ROUTER, transport, (socket) -> {
		}, (socket) -> {
			while (true) {
				byte[] frame = socket.recv(0);
				socket.send(frame, socket.hasReceiveMore() ? ZMQ.SNDMORE : 0);
			}
		});
		return new RawEcho(context, peer);
	}

	/**
	 * Return the address clients connect to.
	 * @return the address
	 */
	public String address() {
		return this.peer.address();
	}

	/**
	 * Terminate the context, once the clients' sockets are closed or closing, and wait
	 * for the server thread.
	 */
	public void stop() {
		RawPeer.shutdown(this.context, this.peer);
	}

}
