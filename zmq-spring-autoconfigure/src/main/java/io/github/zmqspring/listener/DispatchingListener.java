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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A listener with several threads: a {@link Dispatcher} owns the socket facing peers and
 * hands each message to an idle {@link DispatchedWorker}. A worker that dies on an
 * unexpected error is replaced by a new one (its request is answered with {@code 500}),
 * so a listener keeps its concurrency. Stopping follows the order JeroMQ's inproc pipes
 * need: the dispatcher stops handing out work and tells each worker to stop, the workers
 * close their sockets, and only then does the dispatcher close its own.
 */
final class DispatchingListener implements ListenerThreads {

	/**
	 * Time for the stop protocol beyond the shutdown timeout: the dispatcher's last
	 * answers, the workers' stop messages and their closes.
	 */
	private static final Duration STOP_GRACE = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(DispatchingListener.class);

	private final String threadPrefix;

	private final ZContext context;

	private final Dispatcher dispatcher;

	private final String backendAddress;

	private final int concurrency;

	private final FrameProcessor processor;

	private final Map<String, DispatchedWorker> workers = new ConcurrentHashMap<>();

	private final AtomicInteger replacements = new AtomicInteger();

	private volatile Duration startTimeout = Duration.ofSeconds(30);

	private volatile boolean stopping;

	/**
	 * Create the threads of a listener; nothing runs before {@link #start}.
	 * @param threadPrefix the prefix of every thread name ({@code zmq-<listener id>-})
	 * @param context the context of the workers' sockets
	 * @param dispatcher the dispatcher, not started
	 * @param backendAddress the dispatcher's {@code inproc} address for the workers
	 * @param concurrency how many workers
	 * @param processor handles each message on a worker
	 */
	DispatchingListener(String threadPrefix, ZContext context, Dispatcher dispatcher, String backendAddress,
			int concurrency, FrameProcessor processor) {
		this.threadPrefix = threadPrefix;
		this.context = context;
		this.dispatcher = dispatcher;
		this.backendAddress = backendAddress;
		this.concurrency = concurrency;
		this.processor = processor;
	}

	@Override
	public void start(Duration timeout) {
		this.startTimeout = timeout;
		this.dispatcher.start(timeout);
		for (int i = 1; i <= this.concurrency; i++) {
			startWorker("w" + i, this.threadPrefix + i);
		}
	}

	private void startWorker(String identity, String name) {
		DispatchedWorker worker = new DispatchedWorker(name, identity, () -> openWorker(identity), this.processor,
				this::died);
		this.workers.put(identity, worker);
		worker.start(this.startTimeout);
	}

	private ZMQ.Socket openWorker(String identity) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.DEALER);
		socket.setLinger(0);
		socket.setIdentity(identity.getBytes(StandardCharsets.US_ASCII));
		socket.connect(this.backendAddress);
		return socket;
	}

	/**
	 * A worker ended on an unexpected error (called on its thread, its socket closed):
	 * its request is answered with an error, and a new worker takes its place.
	 */
	private void died(DispatchedWorker worker) {
		this.workers.remove(worker.getIdentity(), worker);
		this.dispatcher.workerDied(worker.getIdentity());
		if (this.stopping) {
			return;
		}
		String base = worker.getIdentity();
		int dot = base.indexOf('.');
		String identity = ((dot < 0) ? base : base.substring(0, dot)) + "." + this.replacements.incrementAndGet();
		try {
			startWorker(identity, worker.getName());
			logger.warn("Replaced listener thread " + worker.getName() + " after it died; its request, if any, was "
					+ "answered with 500 Internal Server Error");
		}
		catch (RuntimeException ex) {
			logger.error("Could not replace listener thread " + worker.getName() + " after it died", ex);
		}
	}

	@Override
	public void requestStop() {
		this.stopping = true;
		this.dispatcher.requestStop();
	}

	@Override
	public boolean awaitStop(Duration timeout) {
		long deadline = System.nanoTime() + timeout.plus(STOP_GRACE).toNanos();
		boolean stopped = true;
		for (DispatchedWorker worker : List.copyOf(this.workers.values())) {
			if (this.dispatcher.isTerminated()) {
				// the dispatcher is gone and sends no stop message: the last resort
				worker.cancelReceive();
			}
			stopped &= worker.awaitStop(remaining(deadline));
		}
		this.dispatcher.close();
		stopped &= this.dispatcher.awaitStop(remaining(deadline).plusSeconds(1));
		return stopped;
	}

	@Override
	public boolean isServing() {
		if (this.dispatcher.isTerminated() || this.workers.size() < this.concurrency) {
			return false;
		}
		for (DispatchedWorker worker : this.workers.values()) {
			if (worker.isTerminated()) {
				return false;
			}
		}
		return true;
	}

	@Override
	public @Nullable String interruptHandler(String identity) {
		DispatchedWorker worker = this.workers.get(identity);
		return (worker != null && worker.interruptHandler()) ? worker.getName() : null;
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

}
