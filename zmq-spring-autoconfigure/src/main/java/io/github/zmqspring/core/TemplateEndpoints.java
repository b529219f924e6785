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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

import io.github.zmqspring.observation.ZmqTemplateObservationContext;

/**
 * The endpoints a {@link ZmqTemplate} has used, by operation and by endpoint as the
 * caller wrote it, with their counters. Creating an entry opens no socket: each channel
 * opens its own on first use, and tries again on the next call if that failed.
 */
final class TemplateEndpoints {

	private final ZmqEndpointResolver resolver;

	private final Map<String, OneWayChannel> pushes = new ConcurrentHashMap<>();

	private final Map<String, OneWayChannel> publishes = new ConcurrentHashMap<>();

	private final Map<String, RequestEndpoint> requests = new ConcurrentHashMap<>();

	/** Counters by socket type, then by endpoint as the caller wrote it. */
	private final Map<SocketType, Map<String, ZmqTemplateCounters>> counters = new EnumMap<>(
			Map.of(SocketType.DEALER, new ConcurrentHashMap<>(), SocketType.PUB, new ConcurrentHashMap<>(),
					SocketType.PUSH, new ConcurrentHashMap<>()));

	/** Told of new endpoint counters; guarded by itself. */
	private final List<Consumer<ZmqTemplateCounters>> countersListeners = new ArrayList<>();

	private volatile boolean closed;

	TemplateEndpoints(ZmqEndpointResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Return the push or publish channel of an endpoint, creating it on first use.
	 * @param endpoint the endpoint as the caller wrote it
	 * @param type {@code PUSH} or {@code PUB}
	 * @param factory creates the channel
	 * @return the channel
	 */
	OneWayChannel oneWay(String endpoint, SocketType type,
			BiFunction<ZmqEndpoint, ZmqTemplateCounters, OneWayChannel> factory) {
		Map<String, OneWayChannel> byEndpoint = (type == SocketType.PUB) ? this.publishes : this.pushes;
		OneWayChannel channel = byEndpoint.get(endpoint);
		if (channel == null) {
			assertOpen();
			ZmqEndpoint resolved = this.resolver.resolve(endpoint, type);
			ZmqTemplateCounters endpointCounters = counters(type, endpoint);
			channel = byEndpoint.computeIfAbsent(endpoint, (key) -> factory.apply(resolved, endpointCounters));
		}
		return channel;
	}

	/**
	 * Return the request sockets of an endpoint, creating them on first use.
	 * @param endpoint the endpoint as the caller wrote it
	 * @param factory creates the entry
	 * @return the entry
	 */
	RequestEndpoint request(String endpoint, BiFunction<ZmqEndpoint, ZmqTemplateCounters, RequestEndpoint> factory) {
		RequestEndpoint request = this.requests.get(endpoint);
		if (request == null) {
			assertOpen();
			ZmqEndpoint resolved = this.resolver.resolve(endpoint, SocketType.DEALER);
			ZmqTemplateCounters endpointCounters = counters(SocketType.DEALER, endpoint);
			request = this.requests.computeIfAbsent(endpoint, (key) -> factory.apply(resolved, endpointCounters));
		}
		return request;
	}

	private void assertOpen() {
		if (this.closed) {
			throw new ZmqSendException("ZmqTemplate is closed");
		}
	}

	@Nullable OneWayChannel publishChannel(String endpoint) {
		return this.publishes.get(endpoint);
	}

	/**
	 * Return the counters of an endpoint, creating them (and telling the listeners) on
	 * first use.
	 */
	private ZmqTemplateCounters counters(SocketType type, String endpoint) {
		Map<String, ZmqTemplateCounters> byEndpoint = this.counters.get(type);
		ZmqTemplateCounters existing = byEndpoint.get(endpoint);
		if (existing != null) {
			return existing;
		}
		synchronized (this.countersListeners) {
			existing = byEndpoint.get(endpoint);
			if (existing != null) {
				return existing;
			}
			String operation = switch (type) {
				case PUB -> ZmqTemplateObservationContext.PUBLISH;
				case PUSH -> ZmqTemplateObservationContext.PUSH;
				default -> ZmqTemplateObservationContext.REQUEST;
			};
			ZmqTemplateCounters created = new ZmqTemplateCounters(endpoint, operation);
			byEndpoint.put(endpoint, created);
			for (Consumer<ZmqTemplateCounters> listener : this.countersListeners) {
				listener.accept(created);
			}
			return created;
		}
	}

	Collection<ZmqTemplateCounters> allCounters() {
		List<ZmqTemplateCounters> all = new ArrayList<>();
		for (Map<String, ZmqTemplateCounters> byEndpoint : this.counters.values()) {
			all.addAll(byEndpoint.values());
		}
		return all;
	}

	void addCountersListener(Consumer<ZmqTemplateCounters> listener) {
		synchronized (this.countersListeners) {
			this.countersListeners.add(listener);
			allCounters().forEach(listener);
		}
	}

	List<ZmqTemplate.OpenEndpoint> openEndpoints() {
		List<ZmqTemplate.OpenEndpoint> open = new ArrayList<>();
		this.requests.forEach((endpoint, request) -> open
			.add(new ZmqTemplate.OpenEndpoint(endpoint, SocketType.DEALER, request.endpoint().describeAddresses())));
		this.publishes.forEach((endpoint, channel) -> open
			.add(new ZmqTemplate.OpenEndpoint(endpoint, SocketType.PUB, channel.endpoint.describeAddresses())));
		this.pushes.forEach((endpoint, channel) -> open
			.add(new ZmqTemplate.OpenEndpoint(endpoint, SocketType.PUSH, channel.endpoint.describeAddresses())));
		return open;
	}

	/**
	 * Close every socket: idle ones now, ones in use when their caller lets go.
	 * @param timeout how long to wait for a caller holding a push or publish socket
	 */
	void close(Duration timeout) {
		this.closed = true;
		for (RequestEndpoint request : this.requests.values()) {
			request.pool().close();
			request.async().close();
		}
		for (OneWayChannel channel : this.pushes.values()) {
			channel.close(timeout);
		}
		for (OneWayChannel channel : this.publishes.values()) {
			channel.close(timeout);
		}
		// a blocking request still in progress is bounded by its timeout; wait for it a
		// while so its caller, not the context, closes its socket
		long deadline = System.nanoTime() + timeout.toNanos();
		for (RequestEndpoint request : this.requests.values()) {
			request.pool().awaitReturned(deadline);
		}
	}

	/**
	 * The request side of one endpoint.
	 *
	 * @param endpoint the resolved endpoint
	 * @param counters its counters
	 * @param pool the sockets blocking callers check out
	 * @param async the shared sockets of {@code requestAsync}
	 * @param binds whether the endpoint binds (one socket only, shared by every request)
	 */
	record RequestEndpoint(ZmqEndpoint endpoint, ZmqTemplateCounters counters, RequestSocketPool pool,
			AsyncRequestChannel async, boolean binds) {

		RequestEndpoint(ZmqEndpoint endpoint, ZmqTemplateCounters counters, RequestSocketPool pool,
				AsyncRequestChannel async) {
			this(endpoint, counters, pool, async, endpoint.binds());
		}

		int attempts() {
			Integer retries = this.endpoint.options().requestRetries();
			return 1 + ((retries != null) ? Math.max(0, retries) : 0);
		}

	}

}
