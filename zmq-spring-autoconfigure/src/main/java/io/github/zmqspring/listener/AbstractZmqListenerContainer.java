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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;

/**
 * Lifecycle and threading shared by every listener container. With a concurrency of one,
 * a single thread owns the socket facing peers and calls the method itself (no hand-off);
 * with more, a proxy thread owns that socket and shares the messages among worker
 * threads, each owning an {@code inproc} socket. Threads are named
 * {@code zmq-<listener id>-<n>}.
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

	private static final AtomicInteger backendCounter = new AtomicInteger();

	protected final Log logger = LogFactory.getLog(getClass());

	private final ZmqListenerEndpoint listener;

	private final ZmqEndpoint endpoint;

	private final ZmqSocketFactory socketFactory;

	private final ZmqListenerMethodAdapter adapter;

	private final ReentrantLock lifecycleLock = new ReentrantLock();

	private final List<String> boundAddresses = new CopyOnWriteArrayList<>();

	private final List<SocketWorker> workers = new ArrayList<>();

	private @Nullable SocketProxy proxy;

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private Duration startTimeout = Duration.ofSeconds(30);

	private volatile boolean running;

	protected AbstractZmqListenerContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint,
			ZmqSocketFactory socketFactory, ZmqListenerMethodAdapter adapter) {
		this.listener = listener;
		this.endpoint = endpoint;
		this.socketFactory = socketFactory;
		this.adapter = adapter;
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

	/**
	 * Return the listener definition.
	 * @return the endpoint of the annotated method
	 */
	public ZmqListenerEndpoint getListener() {
		return this.listener;
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
	public final void start() {
		this.lifecycleLock.lock();
		try {
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
			return stopped;
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	private void startThreads() {
		this.workers.clear();
		this.proxy = null;
		int concurrency = Math.max(1, this.listener.getConcurrency());
		String prefix = "zmq-" + this.listener.getId() + "-";
		if (concurrency == 1) {
			startWorker(new SocketWorker(prefix + "1", () -> openFrontend(this.listener.getType().socketType()),
					this::process, false));
			return;
		}
		String backend = "inproc://zmq-spring-" + this.listener.getId() + "-" + backendCounter.incrementAndGet();
		SocketProxy socketProxy = new SocketProxy(prefix + "proxy", this.socketFactory.getContext(),
				() -> openFrontend(this.listener.getType().frontendType()), this.listener.getType().backendType(),
				backend);
		this.proxy = socketProxy;
		socketProxy.start(this.startTimeout);
		for (int i = 1; i <= concurrency; i++) {
			startWorker(new SocketWorker(prefix + i, () -> openWorker(backend), this::process, true));
		}
	}

	private void startWorker(SocketWorker worker) {
		this.workers.add(worker);
		worker.start(this.startTimeout);
	}

	private ZMQ.Socket openFrontend(SocketType type) {
		ZMQ.Socket socket = this.socketFactory.open(type, this.endpoint, this.listener.describe(),
				this.boundAddresses::add);
		attached(socket);
		return socket;
	}

	private ZMQ.Socket openWorker(String backend) {
		SocketType type = this.listener.getType().socketType();
		ZMQ.Socket socket = this.socketFactory.getContext().createSocket(type);
		socket.setLinger(0);
		// keep little queued per worker, so an idle worker gets the next message
		socket.setRcvHWM(1);
		socket.connect(backend);
		return socket;
	}

	private void requestStopThreads() {
		SocketProxy current = this.proxy;
		if (current != null) {
			// the proxy stops taking messages first, then returns the replies still owed
			current.requestStop();
		}
		else {
			this.workers.forEach(SocketWorker::requestStop);
		}
	}

	private boolean awaitStopThreads(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		SocketProxy current = this.proxy;
		boolean stopped = true;
		if (current != null) {
			stopped = current.awaitStop(remaining(deadline));
			this.workers.forEach(SocketWorker::requestStop);
		}
		for (SocketWorker worker : this.workers) {
			stopped &= worker.awaitStop(remaining(deadline));
		}
		return stopped;
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	/**
	 * Configure a socket facing peers after it has bound and connected.
	 * @param socket the socket, on its owning thread
	 */
	protected void attached(ZMQ.Socket socket) {
	}

	/**
	 * Handle one received message on the socket's owning thread.
	 * @param socket the socket the message came from, for replies
	 * @param frames the message
	 */
	protected abstract void process(ZMQ.Socket socket, ZmqFrames frames);

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.listener.getId() + " " + this.endpoint.describeAddresses() + "]";
	}

}
