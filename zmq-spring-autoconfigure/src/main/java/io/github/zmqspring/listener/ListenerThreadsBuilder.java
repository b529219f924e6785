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
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqErrorReply;
import io.github.zmqspring.event.ZmqSocketOwner;

/**
 * Builds the threads of one start of a listener container: one thread owning the socket
 * facing peers when the listener has a concurrency of one and no handler timeout; else a
 * dispatcher and its workers. Threads are named {@code zmq-<listener id>-<n>} and
 * {@code zmq-<listener id>-proxy}. What the threads report comes back to the container
 * through {@link Callbacks}.
 */
final class ListenerThreadsBuilder {

	private static final AtomicInteger backendCounter = new AtomicInteger();

	private final AbstractZmqListenerContainer container;

	private final ZmqListenerEndpoint listener;

	private final ZmqEndpoint endpoint;

	ListenerThreadsBuilder(AbstractZmqListenerContainer container) {
		this.container = container;
		this.listener = container.getListener();
		this.endpoint = container.getEndpoint();
	}

	ListenerThreads build() {
		int concurrency = Math.max(1, this.listener.getConcurrency());
		String prefix = "zmq-" + this.listener.getId() + "-";
		Duration handlerTimeout = this.container.getHandlerTimeout();
		Duration shutdownTimeout = this.container.getShutdownTimeout();
		boolean router = this.listener.getType().frontendType() == SocketType.ROUTER;
		Callbacks callbacks = new Callbacks();
		if (concurrency == 1 && handlerTimeout == null) {
			// a replier reads requests on a ROUTER socket and handles the envelope
			// itself: JeroMQ 0.6.0's REP socket can lose a reply after a peer sent it a
			// broken message stream
			SocketType type = router ? SocketType.ROUTER : this.listener.getType().socketType();
			FrontendWorker.StopMode mode = router ? FrontendWorker.StopMode.ANSWER
					: (this.container.drainsOnStop() ? FrontendWorker.StopMode.DRAIN : FrontendWorker.StopMode.CLOSE);
			FrontendWorker.Stop stop = new FrontendWorker.Stop(mode, this::detach, drainLimit(), shutdownTimeout);
			return new SingleThreadListener(new FrontendWorker(prefix + "1", () -> openFrontend(type),
					this.container::observe, this.container.getCounters()::incrementReceived, stop,
					router ? callbacks::rejectedEnvelope : null));
		}
		String backend = "inproc://zmq-spring-" + this.listener.getId() + "-" + backendCounter.incrementAndGet();
		Dispatcher dispatcher = new Dispatcher(prefix + "proxy", this.container.getSocketFactory().getContext(),
				() -> openFrontend(this.listener.getType().frontendType()), backend, router, callbacks, handlerTimeout,
				shutdownTimeout, drainLimit());
		return new DispatchingListener(prefix, this.container.getSocketFactory().getContext(), dispatcher, backend,
				concurrency, this.container::observe);
	}

	private ZMQ.Socket openFrontend(SocketType type) {
		ZMQ.Socket socket = this.container.getSocketFactory()
			.open(type, this.endpoint, ZmqSocketOwner.listener(this.listener.getId(), this.listener.describe()),
					this.container.boundAddresses()::add, this.container::customize,
					this.container.frontendSocketListener());
		this.container.attached(socket);
		return socket;
	}

	/**
	 * Detach a socket facing peers from them before the messages it already received are
	 * handled: unbind every bound address, so no new message arrives. Connected addresses
	 * stay connected (disconnecting would discard what is queued); the limit of
	 * {@link #drainLimit()} bounds what is taken from them.
	 */
	private void detach(ZMQ.Socket socket) {
		for (String address : this.container.boundAddresses()) {
			try {
				socket.unbind(address);
			}
			catch (RuntimeException ex) {
				this.container.logger.debug("Could not unbind " + address + " of " + this.listener.describe(), ex);
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
		int hwm = this.container.receiveHighWaterMark();
		return (int) Math.min(Integer.MAX_VALUE, ((hwm > 0) ? hwm : 1000) * connects);
	}

	/**
	 * What the listener's threads report: counted and logged here.
	 */
	private final class Callbacks implements Dispatcher.Callbacks {

		@Override
		public void received() {
			ListenerThreadsBuilder.this.container.getCounters().incrementReceived();
		}

		@Override
		public void rejectedEnvelope(ZmqFrames frames) {
			ListenerThreadsBuilder.this.container.getCounters().addBytesReceived(frames.byteCount());
			ListenerThreadsBuilder.this.container.outcomes()
				.rejected(frames, ZmqListenerCounters.Rejection.FRAMES, "no envelope");
		}

		@Override
		public void timedOut(String worker, Duration timeout) {
			AbstractZmqListenerContainer owner = ListenerThreadsBuilder.this.container;
			owner.getCounters().incrementTimedOut();
			ListenerThreads current = owner.currentThreads();
			@Nullable String interrupted = (current != null) ? current.interruptHandler(worker) : null;
			owner.log()
				.warn("timed-out",
						() -> "Listener '" + owner.getListenerId() + "' did not answer a request within "
								+ timeout.toMillis() + " ms; replied " + ZmqErrorReply.GATEWAY_TIMEOUT.status() + " "
								+ ZmqErrorReply.GATEWAY_TIMEOUT.reason()
								+ ((interrupted != null) ? " and interrupted the handler on " + interrupted : ""),
						null);
		}

		@Override
		public void detach(ZMQ.Socket frontend) {
			ListenerThreadsBuilder.this.detach(frontend);
		}

	}

}
