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

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Per-endpoint socket options; {@code null} means "use the default for the socket's
 * role".
 *
 * @param sendHighWaterMark the send high-water mark (messages queued per peer)
 * @param receiveHighWaterMark the receive high-water mark
 * @param linger how long unsent messages are kept when the socket closes
 * @param reconnectInterval the first delay before a dropped connection is retried
 * @param reconnectIntervalMax the longest delay between reconnection attempts
 * @param handshakeInterval how long a new connection may take to complete the ZMTP
 * handshake before it is dropped and retried
 * @param requestTimeout the template's default reply timeout for requests to this
 * endpoint
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqSocketOptions(@Nullable Integer sendHighWaterMark, @Nullable Integer receiveHighWaterMark,
		@Nullable Duration linger, @Nullable Duration reconnectInterval, @Nullable Duration reconnectIntervalMax,
		@Nullable Duration handshakeInterval, @Nullable Duration requestTimeout) {

	/**
	 * Options that set nothing.
	 */
	public static final ZmqSocketOptions NONE = new ZmqSocketOptions(null, null, null, null, null, null, null);

	/**
	 * Linger of sockets that send one-way (PUB, PUSH) unless configured: long enough to
	 * flush what is queued at shutdown, bounded so shutdown never hangs.
	 */
	public static final Duration DEFAULT_SENDER_LINGER = Duration.ofSeconds(1);

	/**
	 * Handshake interval unless configured. JeroMQ 0.6.0 sometimes leaves the ZMTP
	 * handshake of a fresh TCP connection unfinished (measured: about one fresh
	 * connection in 20); JeroMQ's own 30 s limit would leave such a connection silent
	 * that long, so it is retried sooner.
	 */
	public static final Duration DEFAULT_HANDSHAKE_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Apply these options to a socket before it binds or connects.
	 * @param socket the socket, on its owning thread
	 * @param type the socket's type
	 */
	public void applyTo(ZMQ.Socket socket, SocketType type) {
		if (this.sendHighWaterMark != null) {
			socket.setSndHWM(this.sendHighWaterMark);
		}
		if (this.receiveHighWaterMark != null) {
			socket.setRcvHWM(this.receiveHighWaterMark);
		}
		socket.setLinger(lingerFor(type).toMillis());
		if (this.reconnectInterval != null) {
			socket.setReconnectIVL(this.reconnectInterval.toMillis());
		}
		if (this.reconnectIntervalMax != null) {
			socket.setReconnectIVLMax(this.reconnectIntervalMax.toMillis());
		}
		socket.setHandshakeIvl(
				(int) ((this.handshakeInterval != null) ? this.handshakeInterval : DEFAULT_HANDSHAKE_INTERVAL)
					.toMillis());
	}

	/**
	 * Return the linger for a socket of the given type.
	 * @param type the socket type
	 * @return the configured linger, else one second for PUB/PUSH and zero otherwise
	 */
	public Duration lingerFor(SocketType type) {
		if (this.linger != null) {
			return this.linger;
		}
		return (type == SocketType.PUB || type == SocketType.PUSH || type == SocketType.XPUB) ? DEFAULT_SENDER_LINGER
				: Duration.ZERO;
	}

}
