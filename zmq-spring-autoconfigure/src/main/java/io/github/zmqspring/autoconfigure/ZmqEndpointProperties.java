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

package io.github.zmqspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import io.github.zmqspring.core.ZmqEndpointDefinition;
import io.github.zmqspring.core.ZmqSocketOptions;

/**
 * One named endpoint, under {@code zmq.endpoints.<name>}: its addresses, socket options
 * and security.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqEndpointProperties {

	/**
	 * Addresses, comma-separated or a list: "@tcp://*:5555" binds, ">tcp://host:5555"
	 * connects, a bare address takes the socket type's usual direction.
	 */
	private List<String> addresses = new ArrayList<>();

	/**
	 * Send high-water mark: messages queued per peer before sending blocks or drops
	 * (PUB). JeroMQ's default is 1000.
	 */
	private @Nullable Integer sendHighWaterMark;

	/**
	 * Receive high-water mark: messages queued per peer on the receiving side. JeroMQ's
	 * default is 1000.
	 */
	private @Nullable Integer receiveHighWaterMark;

	/**
	 * How long unsent messages are kept when the socket closes. Defaults to 1s for PUB
	 * and PUSH sockets and 0 for the others.
	 */
	private @Nullable Duration linger;

	/**
	 * Delay before a dropped or refused connection is retried. JeroMQ's default is 100ms.
	 */
	private @Nullable Duration reconnectInterval;

	/**
	 * Longest delay between reconnection attempts (exponential back-off up to it).
	 * Defaults to 2s.
	 */
	private @Nullable Duration reconnectIntervalMax;

	/**
	 * How long a new connection may take to complete the ZeroMQ handshake before it is
	 * dropped and retried. Defaults to 1s.
	 */
	private @Nullable Duration handshakeInterval;

	/**
	 * How often a connecting socket sends ZeroMQ heartbeats so a vanished peer is
	 * noticed; 0 turns them off. Defaults to 5s. Bound sockets answer heartbeats.
	 */
	private @Nullable Duration heartbeatInterval;

	/**
	 * How long a connecting socket waits for any traffic after a heartbeat before it
	 * drops the connection and reconnects. Defaults to 15s.
	 */
	private @Nullable Duration heartbeatTimeout;

	/**
	 * How long the peer should keep the connection without hearing from this socket.
	 * Defaults to 15s.
	 */
	private @Nullable Duration heartbeatTtl;

	/**
	 * Largest message accepted from a peer; a peer that sends a bigger one is
	 * disconnected. Defaults to 4MB; a negative value removes the limit.
	 */
	private @Nullable DataSize maxMessageSize;

	/**
	 * Reply timeout of one attempt of a template request to this endpoint; unset uses
	 * zmq.template.request-timeout.
	 */
	private @Nullable Duration requestTimeout;

	/**
	 * How many times a template request is sent again, on a fresh socket, after an
	 * attempt timed out; each attempt waits the request timeout. Defaults to 0: requests
	 * may not be idempotent, so retrying is opt-in.
	 */
	private @Nullable Integer requestRetries;

	/**
	 * How long a push to this endpoint waits for a peer to take the message, and any
	 * template call for another caller to let go of its socket; unset uses
	 * zmq.template.send-timeout.
	 */
	private @Nullable Duration sendTimeout;

	/**
	 * Security: mechanism (null, plain, curve), CURVE keys, PLAIN credentials, IP allow
	 * and deny lists.
	 */
	@NestedConfigurationProperty
	private final ZmqSecurityProperties security = new ZmqSecurityProperties();

	public List<String> getAddresses() {
		return this.addresses;
	}

	public void setAddresses(List<String> addresses) {
		this.addresses = addresses;
	}

	public @Nullable Integer getSendHighWaterMark() {
		return this.sendHighWaterMark;
	}

	public void setSendHighWaterMark(@Nullable Integer sendHighWaterMark) {
		this.sendHighWaterMark = sendHighWaterMark;
	}

	public @Nullable Integer getReceiveHighWaterMark() {
		return this.receiveHighWaterMark;
	}

	public void setReceiveHighWaterMark(@Nullable Integer receiveHighWaterMark) {
		this.receiveHighWaterMark = receiveHighWaterMark;
	}

	public @Nullable Duration getLinger() {
		return this.linger;
	}

	public void setLinger(@Nullable Duration linger) {
		this.linger = linger;
	}

	public @Nullable Duration getReconnectInterval() {
		return this.reconnectInterval;
	}

	public void setReconnectInterval(@Nullable Duration reconnectInterval) {
		this.reconnectInterval = reconnectInterval;
	}

	public @Nullable Duration getReconnectIntervalMax() {
		return this.reconnectIntervalMax;
	}

	public void setReconnectIntervalMax(@Nullable Duration reconnectIntervalMax) {
		this.reconnectIntervalMax = reconnectIntervalMax;
	}

	public @Nullable Duration getHandshakeInterval() {
		return this.handshakeInterval;
	}

	public void setHandshakeInterval(@Nullable Duration handshakeInterval) {
		this.handshakeInterval = handshakeInterval;
	}

	public @Nullable Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public @Nullable Duration getHeartbeatTimeout() {
		return this.heartbeatTimeout;
	}

	public void setHeartbeatTimeout(@Nullable Duration heartbeatTimeout) {
		this.heartbeatTimeout = heartbeatTimeout;
	}

	public @Nullable Duration getHeartbeatTtl() {
		return this.heartbeatTtl;
	}

	public void setHeartbeatTtl(@Nullable Duration heartbeatTtl) {
		this.heartbeatTtl = heartbeatTtl;
	}

	public @Nullable DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public @Nullable Integer getRequestRetries() {
		return this.requestRetries;
	}

	public void setRequestRetries(@Nullable Integer requestRetries) {
		this.requestRetries = requestRetries;
	}

	public @Nullable Duration getSendTimeout() {
		return this.sendTimeout;
	}

	public void setSendTimeout(@Nullable Duration sendTimeout) {
		this.sendTimeout = sendTimeout;
	}

	public @Nullable Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(@Nullable Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public ZmqSecurityProperties getSecurity() {
		return this.security;
	}

	ZmqEndpointDefinition toDefinition(String name) {
		ZmqSocketOptions options = ZmqSocketOptions.builder()
			.sendHighWaterMark(this.sendHighWaterMark)
			.receiveHighWaterMark(this.receiveHighWaterMark)
			.linger(this.linger)
			.reconnectInterval(this.reconnectInterval)
			.reconnectIntervalMax(this.reconnectIntervalMax)
			.handshakeInterval(this.handshakeInterval)
			.heartbeatInterval(this.heartbeatInterval)
			.heartbeatTimeout(this.heartbeatTimeout)
			.heartbeatTtl(this.heartbeatTtl)
			.maxMessageSize((this.maxMessageSize != null) ? this.maxMessageSize.toBytes() : null)
			.requestTimeout(this.requestTimeout)
			.requestRetries(this.requestRetries)
			.sendTimeout(this.sendTimeout)
			.security(this.security.toSecurity("zmq.endpoints." + name + ".security"))
			.build();
		return new ZmqEndpointDefinition(List.copyOf(this.addresses), options);
	}

}
