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
package io.github.zmqspring.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import io.github.zmqspring.core.ZmqAddress;
import io.github.zmqspring.core.ZmqBindException;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.event.ZmqProxyStartedEvent;
import io.github.zmqspring.event.ZmqProxyStoppedEvent;
import io.github.zmqspring.event.ZmqSocketOwner;

/**
 * One running device: a thread named {@code zmq-proxy-<name>} that owns a front-end and a
 * back-end socket and forwards whole messages between them, counting them in each
 * direction. Created by {@link ZmqProxyRegistry}; started and stopped through it or
 * directly.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqProxy {

	/**
	 * Prefix of proxy thread names.
	 */
	public static final String THREAD_NAME_PREFIX = "zmq-proxy-";

	private static final Log logger = LogFactory.getLog(ZmqProxy.class);

	private static final AtomicInteger controlCounter = new AtomicInteger();

	/**
	 * How long an address in use is retried: closing a socket releases its port
	 * asynchronously, so binding it again right after a stop can fail for a moment.
	 */
	private static final Duration BIND_RETRY = Duration.ofSeconds(1);

	private final ZmqProxyDefinition definition;

	private final ZmqEndpoint frontend;

	private final ZmqEndpoint backend;

	private final ZmqSocketFactory socketFactory;

	private final LongAdder toBackend = new LongAdder();

	private final LongAdder toFrontend = new LongAdder();

	private final List<String> frontendBound = new CopyOnWriteArrayList<>();

	private final List<String> backendBound = new CopyOnWriteArrayList<>();

	private final ReentrantLock lifecycleLock = new ReentrantLock();

	private volatile @Nullable ProxyLoop loop;

	private volatile @Nullable ApplicationEventPublisher eventPublisher;

	private volatile boolean startRequested;

	private Duration startTimeout = Duration.ofSeconds(30);

	private Duration stopTimeout = Duration.ofSeconds(5);

	/**
	 * Create a proxy.
	 * @param definition what was configured
	 * @param frontend the resolved front end
	 * @param backend the resolved back end
	 * @param socketFactory creates the sockets, in the shared context
	 */
	public ZmqProxy(ZmqProxyDefinition definition, ZmqEndpoint frontend, ZmqEndpoint backend,
			ZmqSocketFactory socketFactory) {
		this.definition = definition;
		this.frontend = frontend;
		this.backend = backend;
		this.socketFactory = socketFactory;
	}

	/**
	 * Return the proxy name.
	 * @return the name under {@code zmq.proxies}
	 */
	public String getName() {
		return this.definition.name();
	}

	/**
	 * Return the device type.
	 * @return queue, forwarder or streamer
	 */
	public ZmqProxyType getType() {
		return this.definition.type();
	}

	/**
	 * Return whether the proxy starts with the application context.
	 * @return the configured auto-startup flag
	 */
	public boolean isAutoStartup() {
		return this.definition.autoStartup();
	}

	/**
	 * Return the front-end addresses as resolved, in CZMQ notation.
	 * @return for example {@code @tcp://*:5559}
	 */
	public String getFrontendAddresses() {
		return this.frontend.describeAddresses();
	}

	/**
	 * Return the back-end addresses as resolved, in CZMQ notation.
	 * @return for example {@code @tcp://*:5560}
	 */
	public String getBackendAddresses() {
		return this.backend.describeAddresses();
	}

	/**
	 * Return the addresses the front end actually bound while running (a wildcard port
	 * resolved); empty when stopped or when it only connects.
	 * @return for example {@code tcp://0.0.0.0:54321}
	 */
	public List<String> getFrontendBoundAddresses() {
		return List.copyOf(this.frontendBound);
	}

	/**
	 * Return the addresses the back end actually bound while running.
	 * @return the bound addresses, wildcard ports resolved
	 */
	public List<String> getBackendBoundAddresses() {
		return List.copyOf(this.backendBound);
	}

	/**
	 * Return how many messages went from the front end to the back end since the proxy
	 * was created: requests (queue), publications (forwarder) or tasks (streamer).
	 * @return the count of whole (multipart) messages
	 */
	public long getMessagesToBackend() {
		return this.toBackend.sum();
	}

	/**
	 * Return how many messages went from the back end to the front end since the proxy
	 * was created: replies (queue) or subscription messages (forwarder); always 0 for a
	 * streamer.
	 * @return the count of whole (multipart) messages
	 */
	public long getMessagesToFrontend() {
		return this.toFrontend.sum();
	}

	/**
	 * Set the publisher of {@link ZmqProxyStartedEvent} and {@link ZmqProxyStoppedEvent},
	 * published synchronously by {@link #start()} and {@link #stop()}.
	 * @param eventPublisher the publisher, {@code null} for none
	 */
	public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Return whether the proxy should be running: it was last started (at startup when it
	 * auto-starts, or by {@link #start()}) and not stopped since. A health check expects
	 * such a proxy to be {@linkplain #isRunning() running}.
	 * @return whether a start was requested and no stop since
	 */
	public boolean isStartRequested() {
		return this.startRequested;
	}

	/**
	 * Set how long starting waits for the sockets to bind and connect.
	 * @param startTimeout the timeout
	 */
	public void setStartTimeout(Duration startTimeout) {
		this.startTimeout = startTimeout;
	}

	/**
	 * Set how long stopping waits for the thread to close its sockets.
	 * @param stopTimeout the timeout
	 */
	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Return how long stopping waits for the thread to close its sockets.
	 * @return the timeout
	 */
	public Duration getStopTimeout() {
		return this.stopTimeout;
	}

	/**
	 * Return whether the proxy thread is running.
	 * @return {@code true} between a successful start and stop
	 */
	public boolean isRunning() {
		ProxyLoop current = this.loop;
		return current != null && !current.isTerminated();
	}

	/**
	 * Start the proxy thread and wait until both sides are bound and connected; does
	 * nothing if it runs already.
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	public void start() {
		this.lifecycleLock.lock();
		try {
			this.startRequested = true;
			if (isRunning()) {
				return;
			}
			this.frontendBound.clear();
			this.backendBound.clear();
			String controlAddress = "inproc://zmq-spring-proxy-" + getName() + "-control-"
					+ controlCounter.incrementAndGet();
			ProxyLoop started = new ProxyLoop(THREAD_NAME_PREFIX + getName(), this.socketFactory.getContext(),
					() -> open("frontend", getType().frontendType(), this.frontend, this.frontendBound),
					() -> open("backend", getType().backendType(), this.backend, this.backendBound),
					getType().isTwoWay(), this.toBackend, this.toFrontend, controlAddress);
			started.start(this.startTimeout);
			this.loop = started;
			logger.info("Started ZeroMQ " + getType().tagValue() + " proxy '" + getName() + "': frontend "
					+ describe(getType().frontendType(), this.frontend, this.frontendBound) + "; backend "
					+ describe(getType().backendType(), this.backend, this.backendBound));
			publish(new ZmqProxyStartedEvent(this, this.frontendBound, this.backendBound));
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	/**
	 * Stop the proxy thread and wait until it has closed its sockets.
	 */
	public void stop() {
		requestStop();
		awaitStop(this.stopTimeout);
	}

	/**
	 * Tell the proxy thread to stop, without waiting.
	 */
	public void requestStop() {
		this.startRequested = false;
		ProxyLoop current = this.loop;
		if (current != null) {
			current.requestStop();
		}
	}

	/**
	 * Wait until the proxy thread has closed its sockets.
	 * @param timeout how long to wait
	 * @return whether it ended in time
	 */
	public boolean awaitStop(Duration timeout) {
		this.lifecycleLock.lock();
		try {
			ProxyLoop current = this.loop;
			if (current == null) {
				return true;
			}
			boolean stopped = current.awaitStop(timeout);
			if (!stopped) {
				logger.warn("ZeroMQ proxy '" + getName() + "' did not stop within " + timeout.toMillis()
						+ " ms; its sockets are closed when the ZeroMQ context closes");
			}
			else {
				logger.info("Stopped ZeroMQ proxy '" + getName() + "' after forwarding " + getMessagesToBackend()
						+ " message(s) to the backend and " + getMessagesToFrontend() + " to the frontend");
			}
			this.loop = null;
			this.frontendBound.clear();
			this.backendBound.clear();
			publish(new ZmqProxyStoppedEvent(this, stopped));
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

	private ZMQ.Socket open(String side, SocketType type, ZmqEndpoint endpoint, List<String> bound) {
		ZmqSocketOwner owner = ZmqSocketOwner.proxy(getName(), side, "ZeroMQ proxy '" + getName() + "' (" + side + ")");
		long deadline = System.nanoTime() + BIND_RETRY.toNanos();
		while (true) {
			try {
				return this.socketFactory.open(type, endpoint, owner, bound::add);
			}
			catch (ZmqBindException ex) {
				// a socket closed a moment ago (this proxy stopped, or another one)
				// releases its port asynchronously
				if (ex.isAddressInUse() && System.nanoTime() < deadline) {
					bound.clear();
					LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
					continue;
				}
				throw new ZmqBindException(ex.getSource(), ex.getAddress(), ex.isBind(), (ZMQException) ex.getCause(),
						setting(side, endpoint));
			}
		}
	}

	private String setting(String side, ZmqEndpoint endpoint) {
		String property = this.definition.propertyPrefix() + "." + side;
		if (endpoint.name().contains("://")) {
			return property;
		}
		return "zmq.endpoints." + endpoint.name() + ".addresses (the endpoint named by " + property + ")";
	}

	private static String describe(SocketType type, ZmqEndpoint endpoint, List<String> bound) {
		StringBuilder description = new StringBuilder(type.name());
		if (!bound.isEmpty()) {
			description.append(" bound ").append(String.join(", ", bound));
		}
		String connected = endpoint.addresses()
			.stream()
			.filter((address) -> !address.bind())
			.map(ZmqAddress::address)
			.collect(Collectors.joining(", "));
		if (!connected.isEmpty()) {
			description.append(bound.isEmpty() ? "" : ",").append(" connected to ").append(connected);
		}
		return description.toString();
	}

	@Override
	public String toString() {
		return "ZmqProxy[" + getName() + " " + getType() + " " + getFrontendAddresses() + " | " + getBackendAddresses()
				+ "]";
	}

}
