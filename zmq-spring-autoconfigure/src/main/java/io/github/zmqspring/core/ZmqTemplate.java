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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

import io.github.zmqspring.ZmqException;
import io.github.zmqspring.convert.ZmqConversionException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.observation.DefaultZmqTemplateObservationConvention;
import io.github.zmqspring.observation.ZmqTemplateObservation;
import io.github.zmqspring.observation.ZmqTemplateObservationContext;
import io.github.zmqspring.observation.ZmqTemplateObservationConvention;

/**
 * Default {@link ZmqOperations}: thread-safe; each socket is confined to one internal I/O
 * thread ({@code zmq-template-io}), which the template starts on first use and stops when
 * the application context closes.
 * <p>
 * Requests use one DEALER socket per endpoint with a correlation id per request, so any
 * number of threads can wait for replies at once, spread over several servers or through
 * a broker, and a late reply never confuses the next request. Every request has a timeout
 * per attempt; an endpoint's {@code request-retries} sends it again on a fresh socket
 * after an attempt timed out. Connecting DEALER and PUSH sockets are written only once a
 * connection completed its handshake. Publish queues the message for the I/O thread and
 * returns; push does too while its socket takes messages, and otherwise waits for a peer
 * at most the send timeout. Publishing uses an XPUB socket, so {@link #awaitSubscribers}
 * can wait for subscriptions.
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

	private final ZmqEndpointResolver endpointResolver;

	private final ZmqMessageConverter messageConverter;

	/** Channels by socket type, then by endpoint as the caller wrote it. */
	private final Map<SocketType, Map<String, OutboundChannel>> channels = new EnumMap<>(
			Map.of(SocketType.DEALER, new ConcurrentHashMap<>(), SocketType.PUB, new ConcurrentHashMap<>(),
					SocketType.PUSH, new ConcurrentHashMap<>()));

	private Duration defaultRequestTimeout = Duration.ofSeconds(5);

	private Duration sendTimeout = Duration.ofSeconds(5);

	private int sendQueueCapacity = 10_000;

	private Executor asyncExecutor = ForkJoinPool.commonPool();

	/** Counters by socket type, then by endpoint as the caller wrote it. */
	private final Map<SocketType, Map<String, ZmqTemplateCounters>> counters = new EnumMap<>(
			Map.of(SocketType.DEALER, new ConcurrentHashMap<>(), SocketType.PUB, new ConcurrentHashMap<>(),
					SocketType.PUSH, new ConcurrentHashMap<>()));

	/** Told of new endpoint counters; guarded by itself. */
	private final List<Consumer<ZmqTemplateCounters>> countersListeners = new ArrayList<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ZmqTemplateObservationConvention observationConvention;

	private volatile @Nullable TemplateSocketOwner owner;

	private volatile boolean closed;

	public ZmqTemplate(ZmqSocketFactory socketFactory, ZmqEndpointResolver endpointResolver,
			ZmqMessageConverter messageConverter) {
		this.socketFactory = socketFactory;
		this.endpointResolver = endpointResolver;
		this.messageConverter = messageConverter;
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
	 * Set how long {@code publish} and {@code push} may block while an endpoint's queue
	 * is full.
	 * @param sendTimeout the timeout
	 */
	public void setSendTimeout(Duration sendTimeout) {
		this.sendTimeout = sendTimeout;
	}

	/**
	 * Set how many messages may wait per endpoint for the I/O thread before callers
	 * block.
	 * @param sendQueueCapacity the capacity, positive
	 */
	public void setSendQueueCapacity(int sendQueueCapacity) {
		Assert.isTrue(sendQueueCapacity > 0, "sendQueueCapacity must be positive");
		this.sendQueueCapacity = sendQueueCapacity;
	}

	/**
	 * Set the executor that converts replies for {@code requestAsync} and runs the
	 * dependent stages of its future, so user callbacks never run on the socket thread.
	 * @param asyncExecutor the executor
	 */
	public void setAsyncExecutor(Executor asyncExecutor) {
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
		List<ZmqTemplateCounters> all = new ArrayList<>();
		for (Map<String, ZmqTemplateCounters> byEndpoint : this.counters.values()) {
			all.addAll(byEndpoint.values());
		}
		return all;
	}

	/**
	 * Tell a listener of the counters of every endpoint and operation, those used so far
	 * at once and every later one when first used, for example to register meters.
	 * @param listener called once per endpoint and operation, on the calling thread
	 */
	public void addEndpointCountersListener(Consumer<ZmqTemplateCounters> listener) {
		synchronized (this.countersListeners) {
			this.countersListeners.add(listener);
			getEndpointCounters().forEach(listener);
		}
	}

	@Override
	public <T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType) {
		OutboundChannel channel = channel(endpoint, SocketType.DEALER);
		return doRequest(channel, payload, replyType, defaultTimeout(channel));
	}

	@Override
	public <T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType, Duration timeout) {
		return doRequest(channel(endpoint, SocketType.DEALER), payload, replyType, timeout);
	}

	private <T> @Nullable T doRequest(OutboundChannel channel, @Nullable Object payload, Class<T> replyType,
			Duration timeout) {
		Observation observation = startObservation(channel, ZmqTemplateObservationContext.REQUEST);
		if (observation == null) {
			return awaitReply(channel, payload, replyType, timeout);
		}
		try (Observation.Scope scope = observation.openScope()) {
			return awaitReply(channel, payload, replyType, timeout);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private <T> @Nullable T awaitReply(OutboundChannel channel, @Nullable Object payload, Class<T> replyType,
			Duration timeout) {
		String endpoint = channel.endpoint.name();
		int attempts = attempts(channel);
		CompletableFuture<ZmqFrames> reply = sendRequest(channel, payload, timeout, attempts);
		ZmqFrames frames;
		try {
			// the I/O thread enforces the timeout; the extra grace only guards against
			// its failure
			frames = reply.get(timeout.multipliedBy(attempts).plus(CLOSE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof ZmqException zmqException) ? zmqException
					: new ZmqException("Request to '" + endpoint + "' failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ZmqRequestTimeoutException(endpoint, timeout, attempts);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for a reply from '" + endpoint + "'", ex);
		}
		return decodeReply(endpoint, frames, replyType);
	}

	@Override
	public <T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload,
			Class<T> replyType) {
		OutboundChannel channel = channel(endpoint, SocketType.DEALER);
		return doRequestAsync(channel, payload, replyType, defaultTimeout(channel));
	}

	@Override
	public <T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload,
			Class<T> replyType, Duration timeout) {
		return doRequestAsync(channel(endpoint, SocketType.DEALER), payload, replyType, timeout);
	}

	private <T> CompletableFuture<@Nullable T> doRequestAsync(OutboundChannel channel, @Nullable Object payload,
			Class<T> replyType, Duration timeout) {
		Observation observation = startObservation(channel, ZmqTemplateObservationContext.REQUEST);
		if (observation == null) {
			return sendRequest(channel, payload, timeout, attempts(channel)).thenApplyAsync(
					(frames) -> decodeReply(channel.endpoint.name(), frames, replyType), this.asyncExecutor);
		}
		CompletableFuture<@Nullable T> reply;
		try {
			reply = sendRequest(channel, payload, timeout, attempts(channel)).thenApplyAsync(
					(frames) -> decodeReply(channel.endpoint.name(), frames, replyType), this.asyncExecutor);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		reply.whenComplete((result, failure) -> {
			if (failure != null) {
				observation.error((failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			observation.stop();
		});
		return reply;
	}

	/**
	 * Start a {@code zmq.template} observation, unless the registry is the no-op one.
	 * @return the started observation, or {@code null}
	 */
	private @Nullable Observation startObservation(OutboundChannel channel, String operation) {
		if (this.observationRegistry.isNoop()) {
			return null;
		}
		ZmqTemplateObservationContext context = new ZmqTemplateObservationContext(channel.endpoint.name(), operation);
		return ZmqTemplateObservation.TEMPLATE_OBSERVATION
			.observation(this.observationConvention, DefaultZmqTemplateObservationConvention.INSTANCE, () -> context,
					this.observationRegistry)
			.start();
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
	 * Returns at once while the endpoint's socket takes messages. Otherwise (no peer has
	 * completed a connection, or every peer's queue is full) waits for the I/O thread to
	 * hand the message to a socket, at most the endpoint's send timeout, then throws
	 * {@link ZmqSendException}; the message is then not sent.
	 */
	@Override
	public void push(String endpoint, @Nullable Object payload) {
		send(endpoint, SocketType.PUSH, outboundFrames(payload));
	}

	@Override
	public boolean awaitSubscribers(String endpoint, int count, Duration timeout) {
		return awaitSubscriptions(endpoint, null, count, timeout);
	}

	@Override
	public boolean awaitSubscribers(String endpoint, String topic, int count, Duration timeout) {
		Assert.notNull(topic, "topic must not be null");
		return awaitSubscriptions(endpoint, topic, count, timeout);
	}

	private boolean awaitSubscriptions(String endpoint, @Nullable String topic, int count, Duration timeout) {
		OutboundChannel channel = channel(endpoint, SocketType.PUB);
		long deadline = System.nanoTime() + timeout.toNanos();
		if (!channel.opened.isDone()) {
			owner().submit(new TemplateSocketOwner.Open(channel));
			// opening is bounded by the send timeout, not by the (maybe short) wait
			awaitOpened(channel, channel.sendTimeout);
		}
		byte[] topicBytes = (topic != null) ? topic.getBytes(StandardCharsets.UTF_8) : null;
		synchronized (channel.subscriptionMonitor) {
			while (countSubscriptions(channel, topicBytes) < count) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(channel.subscriptionMonitor, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new ZmqException("Interrupted while waiting for subscribers of " + channel.describe(), ex);
				}
			}
			return true;
		}
	}

	private static int countSubscriptions(OutboundChannel channel, byte @Nullable [] topic) {
		int total = 0;
		for (Map.Entry<String, Integer> subscription : channel.subscriptions.entrySet()) {
			if (topic == null || TemplateSocketOwner.startsWith(topic, subscription.getKey())) {
				total += subscription.getValue();
			}
		}
		return total;
	}

	/**
	 * Return how many messages published on an endpoint matched no subscription when they
	 * were handed to the socket, and were therefore dropped by ZeroMQ. Messages dropped
	 * because a subscriber's queue was full are not counted.
	 * @param endpoint the endpoint as passed to {@code publish}
	 * @return the count, 0 for an endpoint not used yet
	 */
	public long getUnroutedPublishCount(String endpoint) {
		OutboundChannel channel = this.channels.get(SocketType.PUB).get(endpoint);
		return (channel != null) ? channel.unrouted.get() : 0;
	}

	/**
	 * Return the endpoints this template has used so far (read-only, for management
	 * endpoints): the endpoint as callers wrote it, the socket type used for it and its
	 * resolved addresses.
	 * @return one entry per endpoint and socket type, in no particular order
	 */
	public List<OpenEndpoint> getOpenEndpoints() {
		List<OpenEndpoint> open = new ArrayList<>();
		this.channels.forEach((type, byEndpoint) -> byEndpoint.forEach((endpoint, channel) -> open
			.add(new OpenEndpoint(endpoint, type, channel.endpoint.describeAddresses()))));
		return open;
	}

	/**
	 * Flush queued messages (within each socket's linger), fail outstanding requests and
	 * stop the I/O thread. Further calls fail with {@link ZmqSendException}.
	 */
	@Override
	public void destroy() {
		this.closed = true;
		TemplateSocketOwner current = this.owner;
		if (current != null) {
			current.close(CLOSE_GRACE.plusSeconds(1));
		}
	}

	private CompletableFuture<ZmqFrames> sendRequest(OutboundChannel channel, @Nullable Object payload,
			Duration timeout, int attempts) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		PendingRequest request = new PendingRequest(channel, outboundFrames(payload), timeout, attempts);
		owner().submit(request);
		return request.future;
	}

	private static int attempts(OutboundChannel channel) {
		Integer retries = channel.endpoint.options().requestRetries();
		return 1 + ((retries != null) ? Math.max(0, retries) : 0);
	}

	private void send(String endpoint, SocketType type, ZmqFrames frames) {
		OutboundChannel channel = channel(endpoint, type);
		Observation observation = startObservation(channel,
				(type == SocketType.PUB) ? ZmqTemplateObservationContext.PUBLISH : ZmqTemplateObservationContext.PUSH);
		if (observation == null) {
			send(channel, type, frames);
			return;
		}
		try (Observation.Scope scope = observation.openScope()) {
			send(channel, type, frames);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void send(OutboundChannel channel, SocketType type, ZmqFrames frames) {
		Duration sendTimeout = channel.sendTimeout;
		long deadline = System.nanoTime() + sendTimeout.toNanos();
		try {
			if (!channel.permits.tryAcquire(sendTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new ZmqSendException("Could not queue a message for " + channel.describe() + " within "
						+ sendTimeout.toMillis() + " ms: " + this.sendQueueCapacity
						+ " messages are already waiting (no peer connected, or peers slower than the sender)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqSendException("Interrupted while waiting to send to " + channel.describe(), ex);
		}
		// a push waits for a socket to take the message unless the last one went straight
		// through; a publish never waits for subscribers
		boolean wait = type == SocketType.PUSH && !channel.accepting;
		TemplateSocketOwner.Send send = new TemplateSocketOwner.Send(channel, frames);
		try {
			owner().submit(send);
		}
		catch (RuntimeException ex) {
			channel.permits.release();
			throw ex;
		}
		if (wait) {
			awaitHandOff(send, deadline);
		}
		else if (!channel.opened.isDone() || channel.opened.isCompletedExceptionally()) {
			awaitOpened(channel, sendTimeout);
		}
	}

	private static final long HAND_OFF_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/**
	 * Wait until a socket took the message, or give it up at the deadline.
	 */
	private void awaitHandOff(TemplateSocketOwner.Send send, long deadline) {
		OutboundChannel channel = send.channel;
		long waitUntil = deadline;
		try {
			while (true) {
				try {
					send.handed.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
					return;
				}
				catch (TimeoutException ex) {
					if (send.cancel()) {
						channel.permits.release();
						throw new ZmqSendException("No peer of " + channel.describe() + " took the message within "
								+ channel.sendTimeout.toMillis()
								+ " ms (no connected peer, or every peer's queue is full); the message was not sent");
					}
					// the I/O thread holds the message right now: its outcome is
					// imminent; wait for it (blocking, not spinning)
					waitUntil = System.nanoTime() + HAND_OFF_GRACE_NANOS;
				}
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof ZmqException zmqException) ? zmqException
					: new ZmqSendException("Could not send to " + channel.describe(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (send.cancel()) {
				channel.permits.release();
			}
			throw new ZmqSendException("Interrupted while waiting to send to " + channel.describe(), ex);
		}
	}

	/**
	 * Wait for the first use of an endpoint to open its socket, so that a failure (an
	 * address in use) reaches the caller instead of only the log.
	 */
	private void awaitOpened(OutboundChannel channel, Duration timeout) {
		try {
			channel.opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof ZmqException zmqException) ? zmqException
					: new ZmqSendException("Could not open " + channel.describe(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ZmqSendException(
					"Could not open " + channel.describe() + " within " + timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqSendException("Interrupted while opening " + channel.describe(), ex);
		}
	}

	private ZmqFrames outboundFrames(@Nullable Object payload) {
		// a byte[] is sent as given, without a copy (JeroMQ does not copy it either): the
		// message owns the array once handed over, as with Kafka's byte-array serializer
		return this.messageConverter.toFrames(payload);
	}

	private <T> @Nullable T decodeReply(String endpoint, ZmqFrames frames, Class<T> replyType) {
		if (frames.size() == 1) {
			ZmqErrorReply error = ZmqErrorReply.parse(frames.frame(0));
			if (error != null) {
				throw new ZmqRemoteException(endpoint, error.status(), error.reason(), error.detail());
			}
		}
		try {
			return replyType.cast(this.messageConverter.fromFrames(frames, replyType));
		}
		catch (ZmqConversionException ex) {
			throw new ZmqConversionException("Cannot convert the reply from '" + endpoint + "' to "
					+ replyType.getName() + ": " + ex.getMessage(), ex);
		}
	}

	private Duration defaultTimeout(OutboundChannel channel) {
		Duration configured = channel.endpoint.options().requestTimeout();
		return (configured != null) ? configured : this.defaultRequestTimeout;
	}

	private OutboundChannel channel(String endpoint, SocketType type) {
		Map<String, OutboundChannel> byEndpoint = this.channels.get(type);
		OutboundChannel channel = byEndpoint.get(endpoint);
		if (channel == null) {
			ZmqEndpoint resolved = this.endpointResolver.resolve(endpoint, type);
			ZmqTemplateCounters endpointCounters = endpointCounters(type, endpoint);
			channel = byEndpoint.computeIfAbsent(endpoint, (key) -> {
				Duration configured = resolved.options().sendTimeout();
				OutboundChannel created = new OutboundChannel(type, resolved, this.sendQueueCapacity,
						(configured != null) ? configured : this.sendTimeout, endpointCounters);
				// a socket that could not be opened (an address in use) is tried again by
				// the
				// next call, on a new channel
				created.opened.whenComplete((opened, failure) -> {
					if (failure != null) {
						byEndpoint.remove(key, created);
					}
				});
				return created;
			});
		}
		return channel;
	}

	/**
	 * Return the counters of an endpoint, creating them (and telling the listeners) on
	 * first use; a channel re-created after a failed open keeps counting on them.
	 */
	private ZmqTemplateCounters endpointCounters(SocketType type, String endpoint) {
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

	private TemplateSocketOwner owner() {
		TemplateSocketOwner current = this.owner;
		if (current == null) {
			synchronized (this) {
				if (this.closed) {
					throw new ZmqSendException("ZmqTemplate is closed");
				}
				current = this.owner;
				if (current == null) {
					current = new TemplateSocketOwner(this.socketFactory, "zmq-template-io");
					this.owner = current;
				}
			}
		}
		return current;
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
