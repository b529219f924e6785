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
import org.springframework.util.unit.DataSize;

import io.github.zmqspring.guard.ReceiveLimits;
import io.github.zmqspring.core.ZmqEndpointDefinition;
import io.github.zmqspring.proxy.ZmqInvalidProxyException;
import io.github.zmqspring.proxy.ZmqProxyDefinition;

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
	private Map<String, ZmqEndpointProperties> endpoints = new LinkedHashMap<>();

	/**
	 * Devices with no code, by name: each forwards messages between a front end and a
	 * back end on its own thread. Keys of each proxy: type, frontend, backend,
	 * auto-startup.
	 */
	private Map<String, ZmqProxyProperties> proxies = new LinkedHashMap<>();

	public Context getContext() {
		return this.context;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Map<String, ZmqEndpointProperties> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(Map<String, ZmqEndpointProperties> endpoints) {
		this.endpoints = endpoints;
	}

	public Map<String, ZmqProxyProperties> getProxies() {
		return this.proxies;
	}

	public void setProxies(Map<String, ZmqProxyProperties> proxies) {
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

}
