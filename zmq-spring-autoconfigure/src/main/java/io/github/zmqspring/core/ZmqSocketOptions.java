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

import io.github.zmqspring.security.ZmqSecurity;

/**
 * Per-endpoint socket options; {@code null} means "use the default for the socket's
 * role". Build with {@link #builder()}.
 *
 * @param sendHighWaterMark the send high-water mark (messages queued per peer)
 * @param receiveHighWaterMark the receive high-water mark
 * @param linger how long unsent messages are kept when the socket closes
 * @param reconnectInterval the first delay before a dropped connection is retried
 * @param reconnectIntervalMax the longest delay between reconnection attempts
 * @param handshakeInterval how long a new connection may take to complete the ZMTP
 * handshake before it is dropped and retried
 * @param heartbeatInterval how often the socket sends ZMTP heartbeats on each of its
 * connections, bound or connected ({@link Duration#ZERO} turns them off)
 * @param heartbeatTimeout how long the socket waits for traffic after a heartbeat before
 * it drops the connection
 * @param heartbeatTtl how long the peer should keep the connection without hearing from
 * this socket
 * @param maxMessageSize the largest message accepted from a peer in bytes; a peer that
 * sends a bigger one is disconnected (negative: no limit)
 * @param requestTimeout the template's reply timeout for one attempt of a request to this
 * endpoint
 * @param requestRetries how many times the template sends a request again after an
 * attempt timed out
 * @param sendTimeout how long the template's publish and push may block for this endpoint
 * @param security the endpoint's security mechanism, keys and IP lists
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqSocketOptions(@Nullable Integer sendHighWaterMark, @Nullable Integer receiveHighWaterMark,
		@Nullable Duration linger, @Nullable Duration reconnectInterval, @Nullable Duration reconnectIntervalMax,
		@Nullable Duration handshakeInterval, @Nullable Duration heartbeatInterval, @Nullable Duration heartbeatTimeout,
		@Nullable Duration heartbeatTtl, @Nullable Long maxMessageSize, @Nullable Duration requestTimeout,
		@Nullable Integer requestRetries, @Nullable Duration sendTimeout, @Nullable ZmqSecurity security) {

	/**
	 * Options that set nothing.
	 */
	public static final ZmqSocketOptions NONE = builder().build();

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
	 * Longest reconnection back-off unless configured. JeroMQ retries every 100 ms
	 * forever by default; backing off to 2 s keeps an absent peer from costing CPU while
	 * a restarted one is still found within about two seconds.
	 */
	public static final Duration DEFAULT_RECONNECT_INTERVAL_MAX = Duration.ofSeconds(2);

	/**
	 * Heartbeat interval unless configured, on bound and connecting sockets alike: a peer
	 * that vanished or froze without closing its TCP connection is noticed within the
	 * heartbeat timeout, and stops being given work.
	 */
	public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

	/**
	 * Heartbeat timeout unless configured.
	 */
	public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

	/**
	 * Heartbeat time-to-live announced to peers unless configured.
	 */
	public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(15);

	/**
	 * Largest accepted frame unless configured (4 MiB, gRPC's default for a service on a
	 * network): a peer that announces a bigger frame is disconnected before anything is
	 * allocated for it.
	 */
	public static final long DEFAULT_MAX_MESSAGE_SIZE = 4L * 1024 * 1024;

	/**
	 * Time a new connection gets, after its handshake interval and first heartbeat, to be
	 * heard from before the starter drops it: JeroMQ stops its own handshake timer once
	 * the 64-byte greeting has arrived, so a peer that stops there would otherwise hold
	 * its connection forever.
	 */
	public static final Duration HANDSHAKE_DEADLINE_MARGIN = Duration.ofSeconds(2);

	/**
	 * Return a builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

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
		socket.setReconnectIVLMax(orDefault(this.reconnectIntervalMax, DEFAULT_RECONNECT_INTERVAL_MAX).toMillis());
		socket.setHandshakeIvl((int) orDefault(this.handshakeInterval, DEFAULT_HANDSHAKE_INTERVAL).toMillis());
		socket.setMaxMsgSize(maxMessageSizeOrDefault());
		Duration interval = heartbeatIntervalOrDefault();
		if (!interval.isZero()) {
			socket.setHeartbeatIvl((int) interval.toMillis());
			socket.setHeartbeatTimeout((int) orDefault(this.heartbeatTimeout, DEFAULT_HEARTBEAT_TIMEOUT).toMillis());
			socket.setHeartbeatTtl((int) orDefault(this.heartbeatTtl, DEFAULT_HEARTBEAT_TTL).toMillis());
		}
	}

	/**
	 * Return the security.
	 * @return the configured security, else {@link ZmqSecurity#NONE}
	 */
	public ZmqSecurity securityOrNone() {
		return (this.security != null) ? this.security : ZmqSecurity.NONE;
	}

	/**
	 * Return the heartbeat interval.
	 * @return the configured interval, else {@link #DEFAULT_HEARTBEAT_INTERVAL};
	 * {@link Duration#ZERO} means no heartbeats
	 */
	public Duration heartbeatIntervalOrDefault() {
		return orDefault(this.heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL);
	}

	/**
	 * Return how long a new TCP connection has to complete its handshake and be heard
	 * from (a first message, or the answer to the first heartbeat) before it is dropped.
	 * @return the handshake interval plus the heartbeat interval plus
	 * {@link #HANDSHAKE_DEADLINE_MARGIN}, or {@code null} without heartbeats (an idle
	 * peer would then be indistinguishable from a stalled one)
	 */
	public @Nullable Duration handshakeDeadline() {
		Duration interval = heartbeatIntervalOrDefault();
		if (interval.isZero()) {
			return null;
		}
		return orDefault(this.handshakeInterval, DEFAULT_HANDSHAKE_INTERVAL).plus(interval)
			.plus(HANDSHAKE_DEADLINE_MARGIN);
	}

	/**
	 * Return the largest accepted message size.
	 * @return the configured size, else {@link #DEFAULT_MAX_MESSAGE_SIZE}; negative means
	 * no limit
	 */
	public long maxMessageSizeOrDefault() {
		return (this.maxMessageSize != null) ? this.maxMessageSize : DEFAULT_MAX_MESSAGE_SIZE;
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

	private static Duration orDefault(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * Builds {@link ZmqSocketOptions}; every option left unset takes the socket role's
	 * default.
	 */
	public static final class Builder {

		private @Nullable Integer sendHighWaterMark;

		private @Nullable Integer receiveHighWaterMark;

		private @Nullable Duration linger;

		private @Nullable Duration reconnectInterval;

		private @Nullable Duration reconnectIntervalMax;

		private @Nullable Duration handshakeInterval;

		private @Nullable Duration heartbeatInterval;

		private @Nullable Duration heartbeatTimeout;

		private @Nullable Duration heartbeatTtl;

		private @Nullable Long maxMessageSize;

		private @Nullable Duration requestTimeout;

		private @Nullable Integer requestRetries;

		private @Nullable Duration sendTimeout;

		private @Nullable ZmqSecurity security;

		private Builder() {
		}

		public Builder sendHighWaterMark(@Nullable Integer sendHighWaterMark) {
			this.sendHighWaterMark = sendHighWaterMark;
			return this;
		}

		public Builder receiveHighWaterMark(@Nullable Integer receiveHighWaterMark) {
			this.receiveHighWaterMark = receiveHighWaterMark;
			return this;
		}

		public Builder linger(@Nullable Duration linger) {
			this.linger = linger;
			return this;
		}

		public Builder reconnectInterval(@Nullable Duration reconnectInterval) {
			this.reconnectInterval = reconnectInterval;
			return this;
		}

		public Builder reconnectIntervalMax(@Nullable Duration reconnectIntervalMax) {
			this.reconnectIntervalMax = reconnectIntervalMax;
			return this;
		}

		public Builder handshakeInterval(@Nullable Duration handshakeInterval) {
			this.handshakeInterval = handshakeInterval;
			return this;
		}

		public Builder heartbeatInterval(@Nullable Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
			return this;
		}

		public Builder heartbeatTimeout(@Nullable Duration heartbeatTimeout) {
			this.heartbeatTimeout = heartbeatTimeout;
			return this;
		}

		public Builder heartbeatTtl(@Nullable Duration heartbeatTtl) {
			this.heartbeatTtl = heartbeatTtl;
			return this;
		}

		public Builder maxMessageSize(@Nullable Long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		public Builder requestTimeout(@Nullable Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		public Builder requestRetries(@Nullable Integer requestRetries) {
			this.requestRetries = requestRetries;
			return this;
		}

		public Builder sendTimeout(@Nullable Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
			return this;
		}

		public Builder security(@Nullable ZmqSecurity security) {
			this.security = security;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public ZmqSocketOptions build() {
			return new ZmqSocketOptions(this.sendHighWaterMark, this.receiveHighWaterMark, this.linger,
					this.reconnectInterval, this.reconnectIntervalMax, this.handshakeInterval, this.heartbeatInterval,
					this.heartbeatTimeout, this.heartbeatTtl, this.maxMessageSize, this.requestTimeout,
					this.requestRetries, this.sendTimeout, this.security);
		}

	}

}
