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

package io.github.zmqspring.event;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import io.github.zmqspring.proxy.ZmqProxyRegistry;
import io.github.zmqspring.support.LogRateLimiter;
import io.github.zmqspring.support.LogSanitizer;

/**
 * Republishes every {@link ZmqSocketEvent} as a Spring application event, in the order
 * the sockets reported them, from one daemon thread named {@value #THREAD_NAME} — never
 * from JeroMQ's I/O thread, which a slow {@code @EventListener} would otherwise stall for
 * every socket of the context.
 * <p>
 * Events wait in a bounded queue; when it is full (the application's listeners are slower
 * than the sockets' events), further events are dropped and counted
 * ({@link #getDroppedCount()}), and the first drop is logged at WARN. Events reported
 * before this lifecycle starts wait in the queue; the thread starts before proxies and
 * listeners and stops after them (so their {@code CLOSED} events are delivered), and it
 * is joined when it stops: it never outlives the application context. Events reported
 * after it stopped are not published.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSocketEventPublisher
		implements ZmqSocketEventListener, SmartLifecycle, ApplicationEventPublisherAware, DisposableBean {

	/**
	 * The name of the thread that publishes socket events.
	 */
	public static final String THREAD_NAME = "zmq-events";

	/**
	 * The default capacity of the queue of events waiting to be published.
	 */
	public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

	/**
	 * The phase the thread starts and stops in: before proxies
	 * ({@link ZmqProxyRegistry#DEFAULT_PHASE}) start, after they stop.
	 */
	public static final int DEFAULT_PHASE = ZmqProxyRegistry.DEFAULT_PHASE - 100;

	private static final Log logger = LogFactory.getLog(ZmqSocketEventPublisher.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	/** Wakes the thread when it stops; never published. */
	private static final Object STOP = new Object();

	private final BlockingQueue<Object> queue;

	private final int queueCapacity;

	private final LongAdder dropped = new LongAdder();

	private final AtomicBoolean dropLogged = new AtomicBoolean();

	private final LogRateLimiter failureLog = new LogRateLimiter();

	private final ReentrantLock lifecycleLock = new ReentrantLock();

	private @Nullable ApplicationEventPublisher publisher;

	private volatile @Nullable Thread thread;

	private volatile boolean accepting = true;

	private volatile boolean running;

	/**
	 * Create a publisher with a queue of {@value #DEFAULT_QUEUE_CAPACITY} events.
	 */
	public ZmqSocketEventPublisher() {
		this(DEFAULT_QUEUE_CAPACITY);
	}

	/**
	 * Create a publisher.
	 * @param queueCapacity how many events may wait to be published before further ones
	 * are dropped
	 */
	public ZmqSocketEventPublisher(int queueCapacity) {
		Assert.isTrue(queueCapacity > 0, "queueCapacity must be positive");
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
		this.queueCapacity = queueCapacity;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.publisher = applicationEventPublisher;
	}

	/**
	 * Queue an event for publication; never blocks.
	 * @param event the event, on JeroMQ's I/O thread or a socket's owning thread
	 */
	@Override
	public void onSocketEvent(ZmqSocketEvent event) {
		if (!this.accepting) {
			return;
		}
		if (!this.queue.offer(event)) {
			this.dropped.increment();
			if (this.dropLogged.compareAndSet(false, true)) {
				logger.warn("ZeroMQ socket events are published more slowly than sockets report them: "
						+ this.queueCapacity + " are waiting, so " + event
						+ " and later events are dropped until the queue has room (logged once; see "
						+ "ZmqSocketEventPublisher.getDroppedCount())");
			}
		}
	}

	/**
	 * Return how many events were dropped because the queue was full.
	 * @return the count since the publisher was created
	 */
	public long getDroppedCount() {
		return this.dropped.sum();
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	@Override
	public void start() {
		this.lifecycleLock.lock();
		try {
			if (this.running) {
				return;
			}
			this.accepting = true;
			Thread started = new Thread(this::publishLoop, THREAD_NAME);
			started.setDaemon(true);
			this.thread = started;
			this.running = true;
			started.start();
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	/**
	 * Publish what is queued, then end the thread and wait for it. Events reported
	 * afterwards are not published.
	 */
	@Override
	public void stop() {
		this.lifecycleLock.lock();
		try {
			this.accepting = false;
			this.running = false;
			Thread current = this.thread;
			this.thread = null;
			if (current == null || current == Thread.currentThread()) {
				return;
			}
			// wakes a waiting thread; a busy one (full queue) notices the stop after its
			// current event
			this.queue.offer(STOP);
			current.join(STOP_TIMEOUT.toMillis());
			if (current.isAlive()) {
				logger.warn("Thread " + THREAD_NAME + " did not end within " + STOP_TIMEOUT.toMillis()
						+ " ms: an application listener of ZmqSocketEvent does not return");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stop the thread when the context is destroyed, also when it never finished
	 * starting.
	 */
	@Override
	public void destroy() {
		stop();
	}

	private void publishLoop() {
		Thread self = Thread.currentThread();
		while (this.thread == self) {
			Object item;
			try {
				// blocks without using CPU; stop() wakes it with STOP (never an
				// interrupt,
				// which would reach what an application listener does on this thread)
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				break;
			}
			if (item instanceof ZmqSocketEvent event) {
				publish(event);
			}
		}
		Object item;
		while ((item = this.queue.poll()) != null) {
			if (item instanceof ZmqSocketEvent event) {
				publish(event);
			}
		}
	}

	private void publish(ZmqSocketEvent event) {
		ApplicationEventPublisher current = this.publisher;
		if (current == null) {
			return;
		}
		try {
			current.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// peers cause socket events at their own pace (connects, disconnects): a
			// failing listener logs at most one line per interval and event type
			this.failureLog.warn(logger, event.getClass().getName(), () -> "An application listener failed on "
					+ LogSanitizer.sanitize(event) + " (" + LogSanitizer.describe(ex) + ")", ex);
		}
	}

}
