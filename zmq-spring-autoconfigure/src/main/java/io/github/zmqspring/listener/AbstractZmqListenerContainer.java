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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrameCountException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqErrorReply;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.event.ZmqListenerStartedEvent;
import io.github.zmqspring.event.ZmqListenerStoppedEvent;
import io.github.zmqspring.event.ZmqSocketOwner;
import io.github.zmqspring.observation.DefaultZmqListenerObservationConvention;
import io.github.zmqspring.observation.ZmqListenerObservation;
import io.github.zmqspring.observation.ZmqListenerObservationContext;
import io.github.zmqspring.observation.ZmqListenerObservationConvention;
import io.github.zmqspring.support.LogRateLimiter;

/**
 * Lifecycle and threading shared by every listener container. With a concurrency of one,
 * a single thread owns the socket facing peers and calls the method itself (no hand-off);
 * with more (or a replier with a handler timeout), a proxy thread owns that socket and
 * hands each message to an idle worker thread, each owning an {@code inproc} socket.
 * Threads are named {@code zmq-<listener id>-<n>} and {@code zmq-<listener id>-proxy}.
 * <p>
 * Every rejected message (one that could not be converted, or had frames the method
 * cannot take) is counted in {@link #getCounters()} and logged at WARN on the
 * {@value #REJECTED_LOG_CATEGORY} category, with the listener id, the reason and the
 * message's frame and byte counts, never its content. Rejected messages, handler failures
 * and timed-out requests are logged at most once per 10 seconds per listener and kind
 * (the next line says how many were suppressed), with exception messages escaped and no
 * stack trace at WARN; the stack trace follows at DEBUG under the same limit.
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

	private static final AtomicInteger backendCounter = new AtomicInteger();

	protected final Log logger = LogFactory.getLog(getClass());

	private final ZmqListenerEndpoint listener;

	private final ZmqEndpoint endpoint;

	private final ZmqSocketFactory socketFactory;

	private final ZmqListenerMethodAdapter adapter;

	private final ReentrantLock lifecycleLock = new ReentrantLock();

	private final List<String> boundAddresses = new CopyOnWriteArrayList<>();

	private final ZmqListenerCounters counters = new ZmqListenerCounters();

	private final ListenerLog log;

	private volatile @Nullable ListenerThreads threads;

	private @Nullable ApplicationEventPublisher eventPublisher;

	private volatile boolean startRequested;

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private Duration startTimeout = Duration.ofSeconds(30);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ZmqListenerObservationConvention observationConvention;

	private volatile boolean running;

	protected AbstractZmqListenerContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint,
			ZmqSocketFactory socketFactory, ZmqListenerMethodAdapter adapter) {
		this.listener = listener;
		this.endpoint = endpoint;
		this.socketFactory = socketFactory;
		this.adapter = adapter;
		this.log = new ListenerLog(listener.getId(), this.logger, new LogRateLimiter());
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
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the {@code zmq.listener} observation.
	 * @param observationConvention the convention, {@code null} for
	 * {@link DefaultZmqListenerObservationConvention}
	 */
	public void setObservationConvention(@Nullable ZmqListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set the publisher of {@link ZmqListenerStartedEvent} and
	 * {@link ZmqListenerStoppedEvent}, published synchronously by {@link #start()} and
	 * {@link #stop()}.
	 * @param eventPublisher the publisher, {@code null} for none
	 */
	public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
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
		return List.copyOf(this.boundAddresses);
	}

	protected ZmqListenerMethodAdapter getAdapter() {
		return this.adapter;
	}

	/**
	 * Return the rate-limited log of what peers can cause at their own pace.
	 */
	ListenerLog log() {
		return this.log;
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
		return this.running;
	}

	@Override
	public boolean isStartRequested() {
		return this.startRequested;
	}

	@Override
	public boolean isServing() {
		ListenerThreads current = this.threads;
		return this.running && current != null && current.isServing();
	}

	@Override
	public final void start() {
		this.lifecycleLock.lock();
		try {
			this.startRequested = true;
			if (this.running) {
				return;
			}
			this.boundAddresses.clear();
			try {
				startThreads();
			}
			catch (RuntimeException ex) {
				requestStopThreads();
				awaitStopThreads(this.shutdownTimeout);
				throw ex;
			}
			this.running = true;
			this.logger.info("Started " + this.listener.describe() + " on " + this.endpoint.describeAddresses()
					+ (this.boundAddresses.isEmpty() ? "" : " (bound " + String.join(", ", this.boundAddresses) + ")")
					+ ((this.listener.getConcurrency() > 1) ? " with " + this.listener.getConcurrency() + " threads"
							: ""));
			publish(new ZmqListenerStartedEvent(this, this.boundAddresses));
		}
		finally {
			this.lifecycleLock.unlock();
		}
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
		this.startRequested = false;
		this.lifecycleLock.lock();
		try {
			if (this.running) {
				requestStopThreads();
			}
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	@Override
	public boolean awaitStop(Duration timeout) {
		this.lifecycleLock.lock();
		try {
			if (!this.running) {
				return true;
			}
			boolean stopped = awaitStopThreads(timeout);
			if (!stopped) {
				this.logger.warn(this.listener.describe() + " did not finish its current message within "
						+ timeout.toMillis() + " ms; its socket is closed when the ZeroMQ context closes");
			}
			this.running = false;
			this.boundAddresses.clear();
			this.logger.info("Stopped " + this.listener.describe());
			publish(new ZmqListenerStoppedEvent(this, stopped));
			return stopped;
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	private void publish(ApplicationEvent event) {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher != null) {
			publisher.publishEvent(event);
		}
	}

	private void startThreads() {
		ListenerThreads created = createThreads();
		this.threads = created;
		created.start(this.startTimeout);
	}

	/**
	 * One thread owning the socket facing peers when the listener has a concurrency of
	 * one and no handler timeout; else a dispatcher and its workers.
	 */
	private ListenerThreads createThreads() {
		int concurrency = Math.max(1, this.listener.getConcurrency());
		String prefix = "zmq-" + this.listener.getId() + "-";
		Duration handlerTimeout = getHandlerTimeout();
		boolean router = this.listener.getType().frontendType() == SocketType.ROUTER;
		ProxyCallbacks callbacks = new ProxyCallbacks();
		if (concurrency == 1 && handlerTimeout == null) {
			// a replier reads requests on a ROUTER socket and handles the envelope
			// itself:
			// JeroMQ 0.6.0's REP socket can lose a reply after a peer sent it a broken
			// message stream
			SocketType type = router ? SocketType.ROUTER : this.listener.getType().socketType();
			FrontendWorker.StopMode mode = router ? FrontendWorker.StopMode.ANSWER
					: (drainsOnStop() ? FrontendWorker.StopMode.DRAIN : FrontendWorker.StopMode.CLOSE);
			FrontendWorker.Stop stop = new FrontendWorker.Stop(mode, this::detach, drainLimit(), this.shutdownTimeout);
			return new SingleThreadListener(new FrontendWorker(prefix + "1", () -> openFrontend(type), this::observe,
					this.counters::incrementReceived, stop, router ? callbacks::rejectedEnvelope : null));
		}
		String backend = "inproc://zmq-spring-" + this.listener.getId() + "-" + backendCounter.incrementAndGet();
		Dispatcher dispatcher = new Dispatcher(prefix + "proxy", this.socketFactory.getContext(),
				() -> openFrontend(this.listener.getType().frontendType()), backend, router, callbacks, handlerTimeout,
				this.shutdownTimeout, drainLimit());
		return new DispatchingListener(prefix, this.socketFactory.getContext(), dispatcher, backend, concurrency,
				this::observe);
	}

	private ZMQ.Socket openFrontend(SocketType type) {
		ZMQ.Socket socket = this.socketFactory.open(type, this.endpoint,
				ZmqSocketOwner.listener(this.listener.getId(), this.listener.describe()), this.boundAddresses::add,
				this::customize, null);
		attached(socket);
		return socket;
	}

	/**
	 * Detach a socket facing peers from them before the messages it already received are
	 * handled: unbind every bound address, so no new message arrives. Connected addresses
	 * stay connected (disconnecting would discard what is queued); the limit of
	 * {@link #drainLimit()} bounds what is taken from them.
	 */
	private void detach(ZMQ.Socket socket) {
		for (String address : this.boundAddresses) {
			try {
				socket.unbind(address);
			}
			catch (RuntimeException ex) {
				this.logger.debug("Could not unbind " + address + " of " + this.listener.describe(), ex);
			}
		}
	}

	/**
	 * Return the most messages handled after a stop request: unlimited when the endpoint
	 * only binds (unbinding stops the flow), else about what the connected peers' queues
	 * hold.
	 */
	private int drainLimit() {
		if (!this.endpoint.connects()) {
			return Integer.MAX_VALUE;
		}
		long connects = this.endpoint.addresses().stream().filter((address) -> !address.bind()).count();
		int hwm = receiveHighWaterMark();
		return (int) Math.min(Integer.MAX_VALUE, ((hwm > 0) ? hwm : 1000) * connects);
	}

	private void requestStopThreads() {
		ListenerThreads current = this.threads;
		if (current != null) {
			current.requestStop();
		}
	}

	private boolean awaitStopThreads(Duration timeout) {
		ListenerThreads current = this.threads;
		return current == null || current.awaitStop(timeout);
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
	 * Count a received message, handle it inside a {@code zmq.listener} observation
	 * (unless the registry is the no-op one) and count its reply.
	 */
	private @Nullable ZmqFrames observe(ZmqFrames frames) {
		this.counters.addBytesReceived(frames.byteCount());
		ZmqFrames reply;
		if (this.observationRegistry.isNoop()) {
			reply = processSafely(frames);
		}
		else {
			ZmqListenerObservationContext context = new ZmqListenerObservationContext(getListenerId(),
					this.listener.getType().tagValue(), this.endpoint.name(), frames);
			Observation observation = ZmqListenerObservation.LISTENER_OBSERVATION.observation(
					this.observationConvention, DefaultZmqListenerObservationConvention.INSTANCE, () -> context,
					this.observationRegistry);
			observation.start();
			try (Observation.Scope scope = observation.openScope()) {
				reply = processSafely(frames);
			}
			catch (RuntimeException | Error ex) {
				observation.error(ex);
				throw ex;
			}
			finally {
				observation.stop();
			}
		}
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
	 * Record a failure on the {@code zmq.listener} observation of the current thread.
	 */
	private void observeError(Throwable failure) {
		if (!this.observationRegistry.isNoop()) {
			Observation current = this.observationRegistry.getCurrentObservation();
			if (current != null && current.getContext() instanceof ZmqListenerObservationContext) {
				current.error(failure);
			}
		}
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
		this.counters.incrementHandled();
	}

	/**
	 * Count a message the method failed to handle.
	 * @param failure what went wrong
	 */
	protected void failed(Throwable failure) {
		this.counters.incrementFailed();
		observeError(failure);
	}

	/**
	 * Count and log a message that was rejected because it could not be converted.
	 * @param frames the message as received
	 * @param failure the conversion failure
	 */
	protected void rejected(ZmqFrames frames, Throwable failure) {
		observeError(failure);
		boolean frameCount = hasCause(failure, ZmqFrameCountException.class);
		rejected(frames, frameCount ? ZmqListenerCounters.Rejection.FRAMES : ZmqListenerCounters.Rejection.CONVERSION,
				rootCause(failure).getClass().getSimpleName());
	}

	private void rejected(ZmqFrames frames, ZmqListenerCounters.Rejection reason, String detail) {
		this.counters.incrementRejected(reason);
		this.log.rejected(frames, reason, detail);
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				return false;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	/**
	 * What the listener's threads report: counted and logged here.
	 */
	private final class ProxyCallbacks implements Dispatcher.Callbacks {

		@Override
		public void received() {
			AbstractZmqListenerContainer.this.counters.incrementReceived();
		}

		@Override
		public void rejectedEnvelope(ZmqFrames frames) {
			AbstractZmqListenerContainer.this.counters.addBytesReceived(frames.byteCount());
			rejected(frames, ZmqListenerCounters.Rejection.FRAMES, "no envelope");
		}

		@Override
		public void timedOut(String worker, Duration timeout) {
			AbstractZmqListenerContainer.this.counters.incrementTimedOut();
			ListenerThreads current = AbstractZmqListenerContainer.this.threads;
			String interrupted = (current != null) ? current.interruptHandler(worker) : null;
			AbstractZmqListenerContainer.this.log.warn("timed-out",
					() -> "Listener '" + getListenerId() + "' did not answer a request within " + timeout.toMillis()
							+ " ms; replied " + ZmqErrorReply.GATEWAY_TIMEOUT.status() + " "
							+ ZmqErrorReply.GATEWAY_TIMEOUT.reason()
							+ ((interrupted != null) ? " and interrupted the handler on " + interrupted : ""),
					null);
		}

		@Override
		public void detach(ZMQ.Socket frontend) {
			AbstractZmqListenerContainer.this.detach(frontend);
		}

	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.listener.getId() + " " + this.endpoint.describeAddresses() + "]";
	}

}
