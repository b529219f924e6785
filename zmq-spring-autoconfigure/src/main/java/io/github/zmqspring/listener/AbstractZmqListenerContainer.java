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

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import org.springframework.context.ApplicationEventPublisher;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.event.ZmqListenerStartedEvent;
import io.github.zmqspring.event.ZmqListenerStoppedEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.observation.DefaultZmqListenerObservationConvention;
import io.github.zmqspring.observation.ZmqListenerObservation;
import io.github.zmqspring.observation.ZmqListenerObservationConvention;
import io.github.zmqspring.support.LogRateLimiter;

/**
 * Lifecycle and threading shared by every listener container. With a concurrency of one,
 * a single thread owns the socket facing peers and calls the method itself (no hand-off);
 * with more (or a replier with a handler timeout), a proxy thread owns that socket and
 * hands each message to an idle worker thread, each owning an {@code inproc} socket.
 * Threads are named {@code zmq-<listener id>-<n>} and {@code zmq-<listener id>-proxy}.
 * <p>
 * Every message is counted in {@link #getCounters()}. A rejected one (it could not be
 * converted, or had frames the method cannot take) is logged at WARN on the
 * {@value #REJECTED_LOG_CATEGORY} category with its reason and sizes, never its content;
 * rejections, failures and timeouts are logged at most once per 10 seconds per listener
 * and kind, escaped, with any stack trace at DEBUG.
 * <p>
 * With an {@link ObservationRegistry} set (see {@link #setObservationRegistry}), each
 * invocation of the method is a {@code zmq.listener} observation
 * ({@link ZmqListenerObservation}); with the default no-op registry nothing is created.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public abstract class AbstractZmqListenerContainer implements ZmqListenerContainer {

	/**
	 * The phase containers start in and stop in: late, so they start after and stop
	 * before the beans their methods use.
	 */
	public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

	/**
	 * The log category of rejected messages: WARN lines, at most one per 10 seconds per
	 * listener and reason.
	 */
	public static final String REJECTED_LOG_CATEGORY = "io.github.zmqspring.listener.rejected";

	protected final Log logger = LogFactory.getLog(getClass());

	private final ZmqListenerEndpoint listener;

	private final ZmqEndpoint endpoint;

	private final ZmqSocketFactory socketFactory;

	private final ZmqListenerMethodAdapter adapter;

	private final ZmqListenerCounters counters = new ZmqListenerCounters();

	private final ListenerLog log;

	private final ListenerObservation observation;

	private final ListenerOutcomes outcomes;

	private final ListenerLifecycle lifecycle = new ListenerLifecycle(this);

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private Duration startTimeout = Duration.ofSeconds(30);

	protected AbstractZmqListenerContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint,
			ZmqSocketFactory socketFactory, ZmqListenerMethodAdapter adapter) {
		this.listener = listener;
		this.endpoint = endpoint;
		this.socketFactory = socketFactory;
		this.adapter = adapter;
		this.log = new ListenerLog(listener.getId(), this.logger, new LogRateLimiter());
		this.observation = new ListenerObservation(listener.getId(), listener.getType().tagValue(), endpoint.name());
		this.outcomes = new ListenerOutcomes(this.counters, this.observation, this.log);
	}

	/**
	 * Set how long stopping waits for messages being handled.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Set the registry of the {@code zmq.listener} observation made around each method
	 * invocation.
	 * @param observationRegistry the registry, {@link ObservationRegistry#NOOP} (the
	 * default) for none
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observation.setRegistry(observationRegistry);
	}

	/**
	 * Set the convention of the {@code zmq.listener} observation.
	 * @param observationConvention the convention, {@code null} for
	 * {@link DefaultZmqListenerObservationConvention}
	 */
	public void setObservationConvention(@Nullable ZmqListenerObservationConvention observationConvention) {
		this.observation.setConvention(observationConvention);
	}

	/**
	 * Set the publisher of {@link ZmqListenerStartedEvent} and
	 * {@link ZmqListenerStoppedEvent}, published synchronously by {@link #start()} and
	 * {@link #stop()}.
	 * @param eventPublisher the publisher, {@code null} for none
	 */
	public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
		this.lifecycle.setEventPublisher(eventPublisher);
	}

	/**
	 * Set how long starting waits for the sockets to bind and connect.
	 * @param startTimeout the timeout
	 */
	public void setStartTimeout(Duration startTimeout) {
		this.startTimeout = startTimeout;
	}

	@Override
	public String getListenerId() {
		return this.listener.getId();
	}

	@Override
	public ZmqListenerEndpoint getListener() {
		return this.listener;
	}

	@Override
	public String getEndpointName() {
		return this.endpoint.name();
	}

	@Override
	public String getEndpointAddresses() {
		return this.endpoint.describeAddresses();
	}

	@Override
	public List<String> getBoundAddresses() {
		return List.copyOf(this.lifecycle.boundAddresses());
	}

	protected ZmqListenerMethodAdapter getAdapter() {
		return this.adapter;
	}

	ListenerLog log() {
		return this.log;
	}

	ListenerOutcomes outcomes() {
		return this.outcomes;
	}

	ZmqSocketFactory getSocketFactory() {
		return this.socketFactory;
	}

	List<String> boundAddresses() {
		return this.lifecycle.boundAddresses();
	}

	@Nullable ListenerThreads currentThreads() {
		return this.lifecycle.threads();
	}

	@Override
	public ZmqListenerCounters getCounters() {
		return this.counters;
	}

	/**
	 * Return the endpoint the listener's socket is attached to.
	 * @return the endpoint
	 */
	protected ZmqEndpoint getEndpoint() {
		return this.endpoint;
	}

	@Override
	public boolean isAutoStartup() {
		return this.listener.isAutoStartup();
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	@Override
	public boolean isRunning() {
		return this.lifecycle.isRunning();
	}

	@Override
	public boolean isStartRequested() {
		return this.lifecycle.isStartRequested();
	}

	@Override
	public boolean isServing() {
		return this.lifecycle.isServing();
	}

	@Override
	public final void start() {
		this.lifecycle.start(this.startTimeout, this.shutdownTimeout);
	}

	@Override
	public final void stop() {
		requestStop();
		awaitStop(this.shutdownTimeout);
	}

	@Override
	public final void stop(Runnable callback) {
		stop();
		callback.run();
	}

	@Override
	public void requestStop() {
		this.lifecycle.requestStop();
	}

	@Override
	public boolean awaitStop(Duration timeout) {
		return this.lifecycle.awaitStop(timeout);
	}

	/**
	 * Configure a socket facing peers before it binds and connects.
	 * @param socket the socket, on its owning thread
	 */
	protected void customize(ZMQ.Socket socket) {
	}

	/**
	 * Configure a socket facing peers after it has bound and connected.
	 * @param socket the socket, on its owning thread
	 */
	protected void attached(ZMQ.Socket socket) {
	}

	/**
	 * Return a listener of the events of the socket facing peers, or {@code null}.
	 */
	@Nullable ZmqSocketEventListener frontendSocketListener() {
		return null;
	}

	/**
	 * Return the receive high-water mark of the socket facing peers.
	 * @return the endpoint's setting, else JeroMQ's default of 1000
	 */
	protected int receiveHighWaterMark() {
		Integer hwm = this.endpoint.options().receiveHighWaterMark();
		return (hwm != null) ? hwm : 1000;
	}

	/**
	 * Return whether stopping handles the messages already received (after unbinding)
	 * before closing the socket.
	 * @return {@code true} unless overridden
	 */
	protected boolean drainsOnStop() {
		return true;
	}

	/**
	 * Return how long the method may take before its request is answered with an error
	 * (repliers only).
	 * @return the timeout, {@code null} for none
	 */
	protected @Nullable Duration getHandlerTimeout() {
		return null;
	}

	/**
	 * Count a received message, handle it inside an observation, count its reply.
	 */
	@Nullable ZmqFrames observe(ZmqFrames frames) {
		this.counters.addBytesReceived(frames.byteCount());
		ZmqFrames reply = this.observation.observe(frames, this::processSafely);
		if (reply != null) {
			this.counters.incrementSent(reply.byteCount());
		}
		return reply;
	}

	/**
	 * Process a message, turning whatever escapes the container's own handling (an
	 * {@link Error} such as an {@link OutOfMemoryError} from a huge payload, or a bug)
	 * into a failed message: the listener thread lives on, and a request still gets its
	 * error reply.
	 */
	private @Nullable ZmqFrames processSafely(ZmqFrames frames) {
		try {
			return process(frames);
		}
		catch (RuntimeException | Error ex) {
			failed(ex);
			this.log.failed("unexpected", "failed unexpectedly while handling a message", ex, "it goes on serving");
			return failureReply();
		}
	}

	/**
	 * Return the reply to a message whose handling failed unexpectedly.
	 * @return the error reply for a replier, else {@code null}
	 */
	protected @Nullable ZmqFrames failureReply() {
		return null;
	}

	/**
	 * Count a message sent onward with {@code @SendTo}.
	 * @param bytes its size, all frames
	 */
	protected void sentOnward(long bytes) {
		this.counters.incrementSent(bytes);
	}

	/**
	 * Handle one received message on a listener thread.
	 * @param frames the message (a request without its envelope)
	 * @return the reply frames for a replier, else {@code null}
	 */
	protected abstract @Nullable ZmqFrames process(ZmqFrames frames);

	/**
	 * Count a message the method handled.
	 */
	protected void handled() {
		this.outcomes.handled();
	}

	/**
	 * Count a message the method failed to handle.
	 * @param failure what went wrong
	 */
	protected void failed(Throwable failure) {
		this.outcomes.failed(failure);
	}

	/**
	 * Count and log a message that was rejected because it could not be converted.
	 * @param frames the message as received
	 * @param failure the conversion failure
	 */
	protected void rejected(ZmqFrames frames, Throwable failure) {
		this.outcomes.rejected(frames, failure);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.listener.getId() + " " + this.endpoint.describeAddresses() + "]";
	}

}
