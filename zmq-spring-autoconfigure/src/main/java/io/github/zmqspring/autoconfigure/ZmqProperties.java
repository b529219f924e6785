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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import io.github.zmqspring.guard.ReceiveLimits;
import io.github.zmqspring.core.ZmqEndpointDefinition;
import io.github.zmqspring.core.ZmqSocketOptions;
import io.github.zmqspring.proxy.ZmqInvalidProxyException;
import io.github.zmqspring.proxy.ZmqProxyDefinition;
import io.github.zmqspring.proxy.ZmqProxyType;

/**
 * Configuration properties for ZeroMQ, under {@code zmq}. Unknown keys fail startup.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "zmq", ignoreUnknownFields = false)
public class ZmqProperties {

	private final Context context = new Context();

	private final Listener listener = new Listener();

	private final Template template = new Template();

	/**
	 * Named endpoints, referenced by name from listener annotations and template calls.
	 * Keys of each endpoint: addresses, send-high-water-mark, receive-high-water-mark,
	 * linger, reconnect-interval, reconnect-interval-max, handshake-interval,
	 * heartbeat-interval, heartbeat-timeout, heartbeat-ttl, max-message-size,
	 * request-timeout, request-retries, send-timeout, and security.* (mechanism, curve.*,
	 * plain.*, allow, deny; see docs/security.md).
	 */
	private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

	/**
	 * Devices with no code, by name: each forwards messages between a front end and a
	 * back end on its own thread. Keys of each proxy: type, frontend, backend,
	 * auto-startup.
	 */
	private Map<String, Proxy> proxies = new LinkedHashMap<>();

	public Context getContext() {
		return this.context;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Map<String, Endpoint> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(Map<String, Endpoint> endpoints) {
		this.endpoints = endpoints;
	}

	public Map<String, Proxy> getProxies() {
		return this.proxies;
	}

	public void setProxies(Map<String, Proxy> proxies) {
		this.proxies = proxies;
	}

	/**
	 * Return the proxies as definitions, checking that each sets a type, a front end and
	 * a back end.
	 * @return the definitions, in configuration order
	 * @throws ZmqInvalidProxyException naming the first missing property
	 */
	public List<ZmqProxyDefinition> toProxyDefinitions() {
		List<ZmqProxyDefinition> definitions = new ArrayList<>();
		this.proxies.forEach((name, proxy) -> definitions.add(proxy.toDefinition(name)));
		return definitions;
	}

	/**
	 * Return the endpoints as the core module's definitions.
	 * @return the definitions by name
	 */
	public Map<String, ZmqEndpointDefinition> toEndpointDefinitions() {
		Map<String, ZmqEndpointDefinition> definitions = new LinkedHashMap<>();
		this.endpoints.forEach((name, endpoint) -> definitions.put(name, endpoint.toDefinition(name)));
		return definitions;
	}

	/**
	 * The shared ZeroMQ context.
	 */
	public static class Context {

		/**
		 * Number of JeroMQ I/O threads of the shared context.
		 */
		private int ioThreads = 1;

		/**
		 * How long closing the shared context may take when the application shuts down.
		 * The close waits for JeroMQ to close every socket, which never finishes when one
		 * of its threads died or a socket with an unlimited linger holds messages for an
		 * absent peer; after this long the application logs a warning and goes on
		 * shutting down, leaving the context's daemon threads behind.
		 */
		private Duration closeTimeout = Duration.ofSeconds(5);

		/**
		 * Bytes that frames received by all sockets together may hold before the
		 * application reads them; a peer whose frame does not fit is disconnected.
		 * Default: a quarter of the JVM's maximum heap. Frames under 1 KB are not
		 * counted.
		 */
		private @Nullable DataSize receiveBudget;

		/**
		 * The same budget for one socket, so that one flooded socket cannot take the
		 * whole context budget. Default: a quarter of the context budget.
		 */
		private @Nullable DataSize socketReceiveBudget;

		/**
		 * Most frames one multipart message from a peer may have; a peer that sends more
		 * is disconnected.
		 */
		private int maxFrames = 64;

		/**
		 * Most bytes one multipart message from a peer may have in all its frames; a peer
		 * that sends more is disconnected. Each frame is also limited by the endpoint's
		 * max-message-size.
		 */
		private DataSize maxMultipartSize = DataSize.ofMegabytes(16);

		public int getIoThreads() {
			return this.ioThreads;
		}

		public void setIoThreads(int ioThreads) {
			this.ioThreads = ioThreads;
		}

		public Duration getCloseTimeout() {
			return this.closeTimeout;
		}

		public void setCloseTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
		}

		public @Nullable DataSize getReceiveBudget() {
			return this.receiveBudget;
		}

		public void setReceiveBudget(@Nullable DataSize receiveBudget) {
			this.receiveBudget = receiveBudget;
		}

		public @Nullable DataSize getSocketReceiveBudget() {
			return this.socketReceiveBudget;
		}

		public void setSocketReceiveBudget(@Nullable DataSize socketReceiveBudget) {
			this.socketReceiveBudget = socketReceiveBudget;
		}

		public int getMaxFrames() {
			return this.maxFrames;
		}

		public void setMaxFrames(int maxFrames) {
			this.maxFrames = maxFrames;
		}

		public DataSize getMaxMultipartSize() {
			return this.maxMultipartSize;
		}

		public void setMaxMultipartSize(DataSize maxMultipartSize) {
			this.maxMultipartSize = maxMultipartSize;
		}

		/**
		 * Return the receive limits these settings describe.
		 * @return the limits, defaults filled in
		 */
		public ReceiveLimits toReceiveLimits() {
			long budget = (this.receiveBudget != null) ? this.receiveBudget.toBytes()
					: ReceiveLimits.defaultReceiveBudget();
			long socketBudget = (this.socketReceiveBudget != null) ? this.socketReceiveBudget.toBytes()
					: Math.max(1, budget / 4);
			requirePositive("zmq.context.receive-budget", budget);
			requirePositive("zmq.context.socket-receive-budget", socketBudget);
			requirePositive("zmq.context.max-frames", this.maxFrames);
			requirePositive("zmq.context.max-multipart-size", this.maxMultipartSize.toBytes());
			return new ReceiveLimits(budget, socketBudget, this.maxFrames, this.maxMultipartSize.toBytes());
		}

		private static void requirePositive(String property, long value) {
			if (value <= 0) {
				throw new IllegalArgumentException(property + " must be positive (it was " + value
						+ "): set it to a size above zero, or remove it for the default");
			}
		}

	}

	/**
	 * Listener containers.
	 */
	public static class Listener {

		/**
		 * How long stopping waits for messages being handled before the context closes
		 * the sockets anyway.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Whether a replier's error reply carries the exception message. Off, so nothing
		 * about the server's internals reaches clients.
		 */
		private boolean includeErrorMessage;

		/**
		 * Receive high-water mark of @ZmqPuller sockets facing peers, unless their
		 * endpoint sets receive-high-water-mark: how many messages JeroMQ takes from each
		 * connected peer ahead of the handler (approximately; see the listener docs).
		 */
		private int prefetch = 250;

		/**
		 * How long a @ZmqReplier handler may take before the request is answered with
		 * "504 Gateway Timeout" and the handler thread is interrupted. Unset: no limit.
		 */
		private @Nullable Duration handlerTimeout;

		public int getPrefetch() {
			return this.prefetch;
		}

		public void setPrefetch(int prefetch) {
			this.prefetch = prefetch;
		}

		public @Nullable Duration getHandlerTimeout() {
			return this.handlerTimeout;
		}

		public void setHandlerTimeout(@Nullable Duration handlerTimeout) {
			this.handlerTimeout = handlerTimeout;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public boolean isIncludeErrorMessage() {
			return this.includeErrorMessage;
		}

		public void setIncludeErrorMessage(boolean includeErrorMessage) {
			this.includeErrorMessage = includeErrorMessage;
		}

	}

	/**
	 * ZmqTemplate.
	 */
	public static class Template {

		/**
		 * Reply timeout of requests whose endpoint sets none.
		 */
		private Duration requestTimeout = Duration.ofSeconds(5);

		/**
		 * How long push waits for a peer to take a message (none connected, or every
		 * peer's queue full), and how long any call waits for another caller to let go of
		 * an endpoint's socket.
		 */
		private Duration sendTimeout = Duration.ofSeconds(5);

		/**
		 * Asynchronous requests (requestAsync) that may wait per endpoint for a ready
		 * connection; further ones fail at once.
		 */
		private int sendQueueCapacity = 10_000;

		/**
		 * Sockets an endpoint may have open at once for blocking requests (one per
		 * concurrent caller; one per address each for an endpoint that connects to
		 * several); further callers wait for one within their request timeout.
		 */
		private int maxRequestSockets = 32;

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

		public int getSendQueueCapacity() {
			return this.sendQueueCapacity;
		}

		public void setSendQueueCapacity(int sendQueueCapacity) {
			this.sendQueueCapacity = sendQueueCapacity;
		}

		public int getMaxRequestSockets() {
			return this.maxRequestSockets;
		}

		public void setMaxRequestSockets(int maxRequestSockets) {
			this.maxRequestSockets = maxRequestSockets;
		}

	}

	/**
	 * One named endpoint.
	 */
	public static class Endpoint {

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
		 * Receive high-water mark: messages queued per peer on the receiving side.
		 * JeroMQ's default is 1000.
		 */
		private @Nullable Integer receiveHighWaterMark;

		/**
		 * How long unsent messages are kept when the socket closes. Defaults to 1s for
		 * PUB and PUSH sockets and 0 for the others.
		 */
		private @Nullable Duration linger;

		/**
		 * Delay before a dropped or refused connection is retried. JeroMQ's default is
		 * 100ms.
		 */
		private @Nullable Duration reconnectInterval;

		/**
		 * Longest delay between reconnection attempts (exponential back-off up to it).
		 * Defaults to 2s.
		 */
		private @Nullable Duration reconnectIntervalMax;

		/**
		 * How long a new connection may take to complete the ZeroMQ handshake before it
		 * is dropped and retried. Defaults to 1s.
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
		 * attempt timed out; each attempt waits the request timeout. Defaults to 0:
		 * requests may not be idempotent, so retrying is opt-in.
		 */
		private @Nullable Integer requestRetries;

		/**
		 * How long a push to this endpoint waits for a peer to take the message, and any
		 * template call for another caller to let go of its socket; unset uses
		 * zmq.template.send-timeout.
		 */
		private @Nullable Duration sendTimeout;

		/**
		 * Security: mechanism (null, plain, curve), CURVE keys, PLAIN credentials, IP
		 * allow and deny lists.
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

	/**
	 * One proxy (device).
	 */
	public static class Proxy {

		/**
		 * Device type: queue (ROUTER front end, DEALER back end) for request-reply,
		 * forwarder (XSUB front end, XPUB back end) for publish-subscribe, or streamer
		 * (PULL front end, PUSH back end) for pipelines. Required.
		 */
		private @Nullable ZmqProxyType type;

		/**
		 * Front-end addresses (where clients, publishers or pushers connect),
		 * comma-separated or a list: a bare address or "@tcp://*:5559" binds,
		 * ">tcp://host:5559" connects. Or the name of an endpoint under zmq.endpoints,
		 * whose socket options then apply. Required.
		 */
		private List<String> frontend = new ArrayList<>();

		/**
		 * Back-end addresses (where servers, subscribers or pullers connect), written
		 * like the front end; a bare address binds. Required.
		 */
		private List<String> backend = new ArrayList<>();

		/**
		 * Whether the proxy starts with the application; when false, start it through
		 * ZmqProxyRegistry.start(name).
		 */
		private boolean autoStartup = true;

		public @Nullable ZmqProxyType getType() {
			return this.type;
		}

		public void setType(@Nullable ZmqProxyType type) {
			this.type = type;
		}

		public List<String> getFrontend() {
			return this.frontend;
		}

		public void setFrontend(List<String> frontend) {
			this.frontend = frontend;
		}

		public List<String> getBackend() {
			return this.backend;
		}

		public void setBackend(List<String> backend) {
			this.backend = backend;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		ZmqProxyDefinition toDefinition(String name) {
			String prefix = "zmq.proxies." + name + ".";
			if (this.type == null) {
				throw new ZmqInvalidProxyException(name, prefix + "type", "is not set",
						"Set " + prefix + "type to queue (ROUTER/DEALER, request-reply), forwarder (XSUB/XPUB, "
								+ "publish-subscribe) or streamer (PULL/PUSH, pipeline).");
			}
			String frontend = join(this.frontend);
			if (frontend.isEmpty()) {
				throw new ZmqInvalidProxyException(name, prefix + "frontend", "is not set", "Set " + prefix
						+ "frontend to the address clients use, for example \"@tcp://*:5559\", or to the name of an "
						+ "endpoint under zmq.endpoints.");
			}
			String backend = join(this.backend);
			if (backend.isEmpty()) {
				throw new ZmqInvalidProxyException(name, prefix + "backend", "is not set", "Set " + prefix
						+ "backend to the address servers or workers connect to, for example \"@tcp://*:5560\", or "
						+ "to the name of an endpoint under zmq.endpoints.");
			}
			return new ZmqProxyDefinition(name, this.type, frontend, backend, this.autoStartup);
		}

		private static String join(List<String> addresses) {
			return String.join(",", addresses.stream().map(String::trim).filter((a) -> !a.isEmpty()).toList());
		}

	}

}
