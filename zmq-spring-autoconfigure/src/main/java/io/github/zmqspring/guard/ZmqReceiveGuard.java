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
package io.github.zmqspring.guard;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import zmq.Msg;

/**
 * The receive guard of one context: the budget all its sockets share, and one background
 * thread ({@value #THREAD_NAME}) that returns the budget of frames JeroMQ dropped unread
 * and drops connections whose handshake deadline passed. The thread runs only while there
 * is such work, wakes at most twice a second, and ends on {@link #close()}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqReceiveGuard implements AutoCloseable {

	/** The name of the guard's thread. */
	public static final String THREAD_NAME = "zmq-receive-guard";

	private static final Log logger = LogFactory.getLog(ZmqReceiveGuard.class);

	private static final long WAKE_MILLIS = 500;

	private static final long IDLE_EXIT_NANOS = Duration.ofSeconds(5).toNanos();

	private static final long COLLECTION_HINT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

	private final ReceiveLimits limits;

	private final ReceiveBudget budget;

	private final ReferenceQueue<Msg> collected = new ReferenceQueue<>();

	private final Set<BudgetReservation> live = ConcurrentHashMap.newKeySet();

	private final DelayQueue<HandshakeCheck> handshakeChecks = new DelayQueue<>();

	private final AtomicLong dropped = new AtomicLong();

	private volatile @Nullable Thread thread;

	private volatile boolean closed;

	private volatile boolean collectionRequested;

	private final AtomicLong lastCollectionHint = new AtomicLong(System.nanoTime() - COLLECTION_HINT_INTERVAL_NANOS);

	/**
	 * Create a guard.
	 * @param limits the budgets and message limits
	 */
	public ZmqReceiveGuard(ReceiveLimits limits) {
		this.limits = limits;
		this.budget = new ReceiveBudget(limits.receiveBudget());
	}

	/**
	 * Create the guard of one socket.
	 * @param description the socket's owner, for logs
	 * @param maxFrameSize the socket's largest accepted frame (negative: no limit)
	 * @param handshakeDeadline how long a new connection has to complete its handshake
	 * and be heard from, {@code null} for no deadline
	 * @param dropListener told about every dropped connection
	 * @return the socket's guard, to install as its allocator and event hook
	 */
	public SocketGuard forSocket(String description, long maxFrameSize, @Nullable Duration handshakeDeadline,
			SocketGuard.DropListener dropListener) {
		return forSocket(description, maxFrameSize, handshakeDeadline, true, dropListener);
	}

	/**
	 * Create the guard of one socket, choosing whether its frames are charged to the
	 * budgets.
	 * @param description the socket's owner, for logs
	 * @param maxFrameSize the socket's largest accepted frame (negative: no limit)
	 * @param handshakeDeadline how long a new connection has to complete its handshake
	 * and be heard from, {@code null} for no deadline
	 * @param budgeted whether frames are charged to the budgets; not for CURVE sockets,
	 * whose frames JeroMQ decrypts into messages of its own and then leaves to the
	 * collector, which would hold their budget until the next collection
	 * @param dropListener told about every dropped connection
	 * @return the socket's guard, to install as its allocator and event hook
	 */
	public SocketGuard forSocket(String description, long maxFrameSize, @Nullable Duration handshakeDeadline,
			boolean budgeted, SocketGuard.DropListener dropListener) {
		return new SocketGuard(this, description, maxFrameSize, handshakeDeadline, budgeted, dropListener);
	}

	/**
	 * Return the limits.
	 * @return the limits
	 */
	public ReceiveLimits limits() {
		return this.limits;
	}

	/**
	 * Return the bytes all sockets' received frames hold that the application has not
	 * read yet.
	 * @return the bytes charged to the context budget
	 */
	public long bufferedBytes() {
		return this.budget.used();
	}

	/**
	 * Return how many connections the guard dropped, over all sockets.
	 * @return the count
	 */
	public long droppedConnections() {
		return this.dropped.get();
	}

	ReceiveBudget budget() {
		return this.budget;
	}

	void dropped() {
		this.dropped.incrementAndGet();
	}

	/**
	 * A frame did not fit a budget. Part of the budget may be held by frames JeroMQ
	 * dropped unread (a stalled peer's half-received frame, once its connection is gone),
	 * which come back only when the collector finds them; as the JDK does when its direct
	 * memory runs out, ask for a collection, from the guard's thread and at most every
	 * five seconds, so that a budget emptied by an attack is not kept from legal traffic
	 * until the heap happens to fill.
	 */
	void budgetExhausted() {
		long now = System.nanoTime();
		long previous = this.lastCollectionHint.get();
		if (now - previous >= COLLECTION_HINT_INTERVAL_NANOS && !this.live.isEmpty()
				&& this.lastCollectionHint.compareAndSet(previous, now)) {
			this.collectionRequested = true;
			ensureRunning();
		}
	}

	BudgetReservation track(Msg frame, ReceiveBudget socketBudget, int size) {
		BudgetReservation reservation = new BudgetReservation(frame, this.collected, socketBudget, this.budget, size,
				this.live);
		ensureRunning();
		return reservation;
	}

	void checkHandshake(SocketGuard socket, ConnectionGuard connection, Duration after) {
		this.handshakeChecks.add(new HandshakeCheck(socket, connection, System.nanoTime() + after.toNanos()));
		ensureRunning();
	}

	private void ensureRunning() {
		if (this.thread == null && !this.closed) {
			start();
		}
	}

	private synchronized void start() {
		if (this.thread == null && !this.closed) {
			Thread started = new Thread(this::run, THREAD_NAME);
			started.setDaemon(true);
			this.thread = started;
			started.start();
		}
	}

	private void run() {
		long idleSince = System.nanoTime();
		while (!this.closed) {
			try {
				if (this.collectionRequested) {
					this.collectionRequested = false;
					System.gc();
				}
				Reference<? extends Msg> reference = this.collected.remove(WAKE_MILLIS);
				while (reference != null) {
					if (reference instanceof BudgetReservation reservation) {
						reservation.release();
					}
					reference = this.collected.poll();
				}
				HandshakeCheck check;
				while ((check = this.handshakeChecks.poll()) != null) {
					check.run();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				logger.warn("Receive guard check failed", ex);
			}
			if (!this.live.isEmpty() || !this.handshakeChecks.isEmpty()) {
				idleSince = System.nanoTime();
			}
			else if (System.nanoTime() - idleSince > IDLE_EXIT_NANOS && exitIfIdle()) {
				return;
			}
		}
		this.thread = null;
	}

	private synchronized boolean exitIfIdle() {
		this.thread = null;
		// work added while we decided to exit sees either no thread (and starts one) or
		// is
		// seen here
		if (!this.live.isEmpty() || !this.handshakeChecks.isEmpty()) {
			this.thread = Thread.currentThread();
			return false;
		}
		return true;
	}

	/**
	 * Stop the guard's thread; budgets still work without it.
	 */
	@Override
	public void close() {
		this.closed = true;
		Thread current = this.thread;
		if (current != null && current != Thread.currentThread()) {
			// wake the thread from its wait on the queue rather than waiting it out
			new PhantomReference<Msg>(new Msg(0), this.collected).enqueue();
			try {
				current.join(TimeUnit.SECONDS.toMillis(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.handshakeChecks.clear();
	}

	private static final class HandshakeCheck implements Delayed {

		private final SocketGuard socket;

		private final ConnectionGuard connection;

		private final long dueNanos;

		HandshakeCheck(SocketGuard socket, ConnectionGuard connection, long dueNanos) {
			this.socket = socket;
			this.connection = connection;
			this.dueNanos = dueNanos;
		}

		void run() {
			this.socket.handshakeDeadlinePassed(this.connection);
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

	}

}
