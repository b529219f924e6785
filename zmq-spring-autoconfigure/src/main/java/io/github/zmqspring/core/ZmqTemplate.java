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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.TemplateEndpoints.RequestEndpoint;
import io.github.zmqspring.observation.DefaultZmqTemplateObservationConvention;
import io.github.zmqspring.observation.ZmqTemplateObservation;
import io.github.zmqspring.observation.ZmqTemplateObservationContext;
import io.github.zmqspring.observation.ZmqTemplateObservationConvention;

/**
 * Default {@link ZmqOperations}: thread-safe. The calling thread does its own socket I/O,
 * on a socket it holds alone for the duration of the call (ZeroMQ's rule: one thread at a
 * time, handed over through a lock):
 * <ul>
 * <li>{@code request} checks a DEALER socket out of the endpoint's pool (opening one up
 * to {@link #setMaxRequestSockets the maximum}), sends, waits on that socket for the
 * reply with its correlation id and gives the socket back;</li>
 * <li>{@code requestAsync} sends on the endpoint's shared DEALER socket, and the reply is
 * read by the next caller or by the background thread, which completes the future;</li>
 * <li>{@code push} and {@code publish} write to the endpoint's socket under a lock.</li>
 * </ul>
 * The background thread ({@code zmq-template-io}) runs only for what no caller waits on
 * (asynchronous replies and deadlines, subscription messages of the publishing socket)
 * and sleeps otherwise. Connecting DEALER and PUSH sockets are written only once a
 * connection completed its handshake. Every request has a timeout per attempt; an
 * endpoint's {@code request-retries} sends it again after an attempt timed out.
 * <p>
 * What goes through each endpoint is counted ({@link #getEndpointCounters()}); with an
 * {@link ObservationRegistry} set, each operation is a {@code zmq.template} observation
 * ({@link ZmqTemplateObservation}), and with the default no-op registry nothing is
 * created.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqTemplate implements ZmqOperations, DisposableBean {

	private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

	private final ZmqSocketFactory socketFactory;

	private final ZmqMessageConverter messageConverter;

	private final TemplateEndpoints endpoints;

	private final TemplateWatcher watcher = new TemplateWatcher("zmq-template-io");

	private final AtomicInteger correlationIds = new AtomicInteger();

	private Duration defaultRequestTimeout = Duration.ofSeconds(5);

	private Duration sendTimeout = Duration.ofSeconds(5);

	private int sendQueueCapacity = 10_000;

	private int maxRequestSockets = 32;

	private @Nullable Executor asyncExecutor;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ZmqTemplateObservationConvention observationConvention;

	public ZmqTemplate(ZmqSocketFactory socketFactory, ZmqEndpointResolver endpointResolver,
			ZmqMessageConverter messageConverter) {
		this.socketFactory = socketFactory;
		this.messageConverter = messageConverter;
		this.endpoints = new TemplateEndpoints(endpointResolver);
	}

	/**
	 * Set the reply timeout of requests whose endpoint configures none.
	 * @param defaultRequestTimeout the timeout, positive
	 */
	public void setDefaultRequestTimeout(Duration defaultRequestTimeout) {
		Assert.isTrue(!defaultRequestTimeout.isNegative() && !defaultRequestTimeout.isZero(),
				"defaultRequestTimeout must be positive");
		this.defaultRequestTimeout = defaultRequestTimeout;
	}

	/**
	 * Set how long {@code push} may wait for a peer to take a message, and how long any
	 * call may wait for another caller to let go of an endpoint's socket, for endpoints
	 * that configure none.
	 * @param sendTimeout the timeout
	 */
	public void setSendTimeout(Duration sendTimeout) {
		this.sendTimeout = sendTimeout;
	}

	/**
	 * Set how many {@code requestAsync} requests may wait per endpoint for a ready
	 * connection before further ones fail with {@link ZmqSendException}.
	 * @param sendQueueCapacity the capacity, positive
	 */
	public void setSendQueueCapacity(int sendQueueCapacity) {
		Assert.isTrue(sendQueueCapacity > 0, "sendQueueCapacity must be positive");
		this.sendQueueCapacity = sendQueueCapacity;
	}

	/**
	 * Set how many sockets (one per address for endpoints that connect to several) an
	 * endpoint may have open for blocking {@code request} calls at once; further callers
	 * wait for one to be returned, within their timeout.
	 * @param maxRequestSockets the maximum, positive
	 */
	public void setMaxRequestSockets(int maxRequestSockets) {
		Assert.isTrue(maxRequestSockets > 0,
				"maxRequestSockets (zmq.template.max-request-sockets) must be positive, was " + maxRequestSockets);
		this.maxRequestSockets = maxRequestSockets;
	}

	/**
	 * Set an executor that converts replies for {@code requestAsync} and completes its
	 * futures. By default (none) the thread that read the reply does it: the template's
	 * background thread or a caller, so a dependent stage that blocks should use one of
	 * the future's {@code ...Async} methods.
	 * @param asyncExecutor the executor, {@code null} for none
	 */
	public void setAsyncExecutor(@Nullable Executor asyncExecutor) {
		this.asyncExecutor = asyncExecutor;
	}

	/**
	 * Set the registry of the {@code zmq.template} observation made around each
	 * operation.
	 * @param observationRegistry the registry, {@link ObservationRegistry#NOOP} (the
	 * default) for none
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the {@code zmq.template} observation.
	 * @param observationConvention the convention, {@code null} for
	 * {@link DefaultZmqTemplateObservationConvention}
	 */
	public void setObservationConvention(@Nullable ZmqTemplateObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the counters of every endpoint and operation used so far.
	 * @return live counters, one per endpoint (as the caller wrote it) and operation
	 */
	public Collection<ZmqTemplateCounters> getEndpointCounters() {
		return this.endpoints.allCounters();
	}

	/**
	 * Tell a listener of the counters of every endpoint and operation, those used so far
	 * at once and every later one when first used, for example to register meters.
	 * @param listener called once per endpoint and operation, on the calling thread
	 */
	public void addEndpointCountersListener(Consumer<ZmqTemplateCounters> listener) {
		this.endpoints.addCountersListener(listener);
	}

	@Override
	public <T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType) {
		RequestEndpoint request = requestEndpoint(endpoint);
		return request(request, payload, replyType, defaultTimeout(request.endpoint()));
	}

	@Override
	public <T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType, Duration timeout) {
		return request(requestEndpoint(endpoint), payload, replyType, timeout);
	}

	private <T> @Nullable T request(RequestEndpoint request, @Nullable Object payload, Class<T> replyType,
			Duration timeout) {
		Requests.assertPositive(timeout);
		Observation observation = TemplateObservations.start(this.observationRegistry, this.observationConvention,
				request.endpoint(), ZmqTemplateObservationContext.REQUEST);
		if (observation == null) {
			return doRequest(request, payload, replyType, timeout);
		}
		return TemplateObservations.observe(observation, () -> doRequest(request, payload, replyType, timeout));
	}

	private <T> @Nullable T doRequest(RequestEndpoint request, @Nullable Object payload, Class<T> replyType,
			Duration timeout) {
		ZmqFrames frames = outboundFrames(payload);
		long start = System.nanoTime();
		ZmqFrames reply = request.binds() ? Requests.awaitShared(request, frames, timeout, this.correlationIds)
				: Requests.exchange(request, frames, timeout, start, this.correlationIds);
		return Requests.decode(this.messageConverter, request.endpoint().name(), reply, replyType);
	}

	@Override
	public <T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload,
			Class<T> replyType) {
		RequestEndpoint request = requestEndpoint(endpoint);
		return requestAsync(request, payload, replyType, defaultTimeout(request.endpoint()));
	}

	@Override
	public <T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload,
			Class<T> replyType, Duration timeout) {
		return requestAsync(requestEndpoint(endpoint), payload, replyType, timeout);
	}

	private <T> CompletableFuture<@Nullable T> requestAsync(RequestEndpoint request, @Nullable Object payload,
			Class<T> replyType, Duration timeout) {
		Requests.assertPositive(timeout);
		Observation observation = TemplateObservations.start(this.observationRegistry, this.observationConvention,
				request.endpoint(), ZmqTemplateObservationContext.REQUEST);
		if (observation == null) {
			return doRequestAsync(request, payload, replyType, timeout);
		}
		return TemplateObservations.observeAsync(observation,
				() -> doRequestAsync(request, payload, replyType, timeout));
	}

	private <T> CompletableFuture<@Nullable T> doRequestAsync(RequestEndpoint request, @Nullable Object payload,
			Class<T> replyType, Duration timeout) {
		String name = request.endpoint().name();
		CompletableFuture<ZmqFrames> reply = Requests.sendAsync(request, outboundFrames(payload), timeout,
				this.correlationIds);
		Executor executor = this.asyncExecutor;
		return (executor != null)
				? reply.thenApplyAsync((frames) -> Requests.decode(this.messageConverter, name, frames, replyType),
						executor)
				: reply.thenApply((frames) -> Requests.decode(this.messageConverter, name, frames, replyType));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Never waits for subscribers: a message no current subscription matches is dropped
	 * by ZeroMQ (PUB semantics) and counted, see {@link #getUnroutedPublishCount}.
	 */
	@Override
	public void publish(String endpoint, String topic, @Nullable Object payload) {
		Assert.notNull(topic, "topic must not be null");
		send(endpoint, SocketType.PUB, outboundFrames(payload).prepend(topic.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Never waits for subscribers: a message no current subscription matches is dropped
	 * by ZeroMQ (PUB semantics) and counted, see {@link #getUnroutedPublishCount}.
	 */
	@Override
	public void publish(String endpoint, @Nullable Object payload) {
		send(endpoint, SocketType.PUB, outboundFrames(payload));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Writes to the socket on the calling thread and returns once it took the message.
	 * While no peer has completed a connection, or every peer's queue is full, waits at
	 * most the endpoint's send timeout, then throws {@link ZmqSendException}; the message
	 * is then not sent.
	 */
	@Override
	public void push(String endpoint, @Nullable Object payload) {
		send(endpoint, SocketType.PUSH, outboundFrames(payload));
	}

	private void send(String endpoint, SocketType type, ZmqFrames frames) {
		OneWayChannel channel = oneWay(endpoint, type);
		String operation = (type == SocketType.PUB) ? ZmqTemplateObservationContext.PUBLISH
				: ZmqTemplateObservationContext.PUSH;
		Observation observation = TemplateObservations.start(this.observationRegistry, this.observationConvention,
				channel.endpoint, operation);
		if (observation == null) {
			channel.send(frames);
			return;
		}
		TemplateObservations.observe(observation, () -> {
			channel.send(frames);
			return null;
		});
	}

	@Override
	public boolean awaitSubscribers(String endpoint, int count, Duration timeout) {
		return oneWay(endpoint, SocketType.PUB).awaitSubscribers(null, count, timeout);
	}

	@Override
	public boolean awaitSubscribers(String endpoint, String topic, int count, Duration timeout) {
		Assert.notNull(topic, "topic must not be null");
		return oneWay(endpoint, SocketType.PUB).awaitSubscribers(topic.getBytes(StandardCharsets.UTF_8), count,
				timeout);
	}

	/**
	 * Return how many messages published on an endpoint matched no subscription when they
	 * were handed to the socket, and were therefore dropped by ZeroMQ. Messages dropped
	 * because a subscriber's queue was full are not counted.
	 * @param endpoint the endpoint as passed to {@code publish}
	 * @return the count, 0 for an endpoint not used yet
	 */
	public long getUnroutedPublishCount(String endpoint) {
		OneWayChannel channel = this.endpoints.publishChannel(endpoint);
		return (channel != null) ? channel.unrouted() : 0;
	}

	/**
	 * Return the endpoints this template has used so far (read-only, for management
	 * endpoints): the endpoint as callers wrote it, the socket type used for it and its
	 * resolved addresses.
	 * @return one entry per endpoint and socket type, in no particular order
	 */
	public List<OpenEndpoint> getOpenEndpoints() {
		return this.endpoints.openEndpoints();
	}

	/**
	 * Close the sockets (within each socket's linger, so what they hold is flushed), fail
	 * outstanding asynchronous requests and stop the background thread. A socket a caller
	 * still holds is closed when its call ends. Further calls fail with
	 * {@link ZmqSendException}.
	 */
	@Override
	public void destroy() {
		this.endpoints.close(CLOSE_GRACE);
		this.watcher.close(CLOSE_GRACE.plusSeconds(1));
	}

	private OneWayChannel oneWay(String endpoint, SocketType type) {
		return this.endpoints.oneWay(endpoint, type, (resolved, counters) -> new OneWayChannel(type, resolved,
				sendTimeout(resolved), counters, this.socketFactory, this.watcher));
	}

	private RequestEndpoint requestEndpoint(String endpoint) {
		return this.endpoints.request(endpoint, (resolved, counters) -> new RequestEndpoint(resolved, counters,
				new RequestSocketPool(this.socketFactory, resolved, this.maxRequestSockets),
				new AsyncRequestChannel(resolved, counters, this.socketFactory, this.watcher, this.sendQueueCapacity)));
	}

	private Duration sendTimeout(ZmqEndpoint endpoint) {
		Duration configured = endpoint.options().sendTimeout();
		return (configured != null) ? configured : this.sendTimeout;
	}

	private Duration defaultTimeout(ZmqEndpoint endpoint) {
		Duration configured = endpoint.options().requestTimeout();
		return (configured != null) ? configured : this.defaultRequestTimeout;
	}

	private ZmqFrames outboundFrames(@Nullable Object payload) {
		// a byte[] is sent as given, without a copy (JeroMQ does not copy it either): the
		// message owns the array once handed over, as with Kafka's byte-array serializer
		return this.messageConverter.toFrames(payload);
	}

	/**
	 * An endpoint the template has used.
	 *
	 * @param endpoint the endpoint as passed to the template (a name or addresses)
	 * @param socketType the type of its sockets: {@code DEALER} for requests, {@code PUB}
	 * or {@code PUSH}
	 * @param addresses the resolved addresses in CZMQ notation
	 */
	public record OpenEndpoint(String endpoint, SocketType socketType, String addresses) {

	}

}
