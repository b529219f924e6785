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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.event.ZmqListenerStartedEvent;
import io.github.zmqspring.event.ZmqListenerStoppedEvent;

/**
 * The start and stop of one listener container, under one lock: each start builds fresh
 * threads ({@link ListenerThreadsBuilder}); a stop is a request (the threads stop taking
 * messages) and a bounded wait, so a registry can ask every listener of a stop wave first
 * and wait for them together. Publishes the started and stopped events synchronously.
 */
final class ListenerLifecycle {

	private final AbstractZmqListenerContainer container;

	private final ReentrantLock lock = new ReentrantLock();

	private final List<String> boundAddresses = new CopyOnWriteArrayList<>();

	private volatile @Nullable ListenerThreads threads;

	private volatile @Nullable ApplicationEventPublisher eventPublisher;

	private volatile boolean startRequested;

	private volatile boolean running;

	ListenerLifecycle(AbstractZmqListenerContainer container) {
		this.container = container;
	}

	void setEventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	List<String> boundAddresses() {
		return this.boundAddresses;
	}

	@Nullable ListenerThreads threads() {
		return this.threads;
	}

	boolean isRunning() {
		return this.running;
	}

	boolean isStartRequested() {
		return this.startRequested;
	}

	boolean isServing() {
		ListenerThreads current = this.threads;
		return this.running && current != null && current.isServing();
	}

	void start(Duration startTimeout, Duration shutdownTimeout) {
		this.lock.lock();
		try {
			this.startRequested = true;
			if (this.running) {
				return;
			}
			this.boundAddresses.clear();
			try {
				ListenerThreads created = new ListenerThreadsBuilder(this.container).build();
				this.threads = created;
				created.start(startTimeout);
			}
			catch (RuntimeException ex) {
				requestStopThreads();
				awaitStopThreads(shutdownTimeout);
				throw ex;
			}
			this.running = true;
			ZmqListenerEndpoint listener = this.container.getListener();
			this.container.logger.info("Started " + listener.describe() + " on " + this.container.getEndpointAddresses()
					+ (this.boundAddresses.isEmpty() ? "" : " (bound " + String.join(", ", this.boundAddresses) + ")")
					+ ((listener.getConcurrency() > 1) ? " with " + listener.getConcurrency() + " threads" : ""));
			publish(new ZmqListenerStartedEvent(this.container, this.boundAddresses));
		}
		finally {
			this.lock.unlock();
		}
	}

	void requestStop() {
		this.startRequested = false;
		this.lock.lock();
		try {
			if (this.running) {
				requestStopThreads();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean awaitStop(Duration timeout) {
		this.lock.lock();
		try {
			if (!this.running) {
				return true;
			}
			boolean stopped = awaitStopThreads(timeout);
			String description = this.container.getListener().describe();
			if (!stopped) {
				this.container.logger.warn(description + " did not finish its current message within "
						+ timeout.toMillis() + " ms; its socket is closed when the ZeroMQ context closes");
			}
			this.running = false;
			this.boundAddresses.clear();
			this.container.logger.info("Stopped " + description);
			publish(new ZmqListenerStoppedEvent(this.container, stopped));
			return stopped;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void publish(ApplicationEvent event) {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher != null) {
			publisher.publishEvent(event);
		}
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

}
