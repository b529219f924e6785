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

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The template's background thread ({@code zmq-template-io}), for what no caller waits
 * on: replies to {@code requestAsync} that no caller read, the subscription messages of
 * XPUB sockets, request deadlines and retries, and connections becoming ready for queued
 * requests. It sleeps in a selector on the watched sockets' command channels (the
 * equivalent of libzmq's {@code ZMQ_FD}), waking only for them, for the nearest deadline
 * or for a task, so an idle template uses no CPU. It never owns a socket: it takes the
 * lock of whatever it services, like any caller.
 */
final class TemplateWatcher {

	private static final Log logger = LogFactory.getLog(TemplateWatcher.class);

	/** What {@link Timed#nextDeadline()} returns when there is none. */
	static final long NO_DEADLINE = Long.MAX_VALUE;

	private final String threadName;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final Set<Timed> timed = ConcurrentHashMap.newKeySet();

	/**
	 * When the thread will wake by itself; {@link #NO_DEADLINE} while it sleeps for good.
	 */
	private volatile long plannedWakeNanos = NO_DEADLINE;

	private volatile boolean closing;

	private volatile boolean started;

	private Selector selector;

	private Thread thread;

	TemplateWatcher(String threadName) {
		this.threadName = threadName;
	}

	/**
	 * Call {@code onReadable} on the background thread whenever the socket's command
	 * channel signals. It must read what the socket holds and say whether it read
	 * anything.
	 * @param commandChannel the socket's {@code getFD()}, read by the socket's holder
	 * @param onReadable the reader
	 */
	void watch(SelectableChannel commandChannel, BooleanSupplier onReadable) {
		execute(() -> {
			try {
				commandChannel.register(this.selector, SelectionKey.OP_READ, onReadable);
			}
			catch (ClosedChannelException ex) {
				// closed already: nothing left to read
			}
			// a fresh socket may already hold commands, and its channel signals only new
			// ones
			onReadable.getAsBoolean();
		});
	}

	/**
	 * Run a task on the background thread.
	 * @param task the task
	 */
	void execute(Runnable task) {
		if (this.closing) {
			// also called from JeroMQ's I/O thread (a connection changed): never throw
			// there
			return;
		}
		start();
		this.tasks.add(task);
		this.selector.wakeup();
	}

	/**
	 * Have the background thread enforce the deadlines of {@code target} from now on.
	 * @param target what has deadlines
	 */
	void register(Timed target) {
		start();
		this.timed.add(target);
		this.selector.wakeup();
	}

	/**
	 * Make sure the background thread wakes by a new deadline of a registered target.
	 * Costs nothing while the thread is due to wake earlier anyway, as it is when
	 * deadlines come in the order they expire.
	 * @param deadlineNanos the new deadline
	 */
	void wakeBy(long deadlineNanos) {
		long planned = this.plannedWakeNanos;
		if (planned == NO_DEADLINE || deadlineNanos - planned < 0) {
			this.selector.wakeup();
		}
	}

	private void start() {
		if (this.started) {
			return;
		}
		synchronized (this) {
			if (this.started) {
				return;
			}
			if (this.closing) {
				throw new ZmqSendException("ZmqTemplate is closed");
			}
			try {
				this.selector = Selector.open();
			}
			catch (IOException ex) {
				throw new ZmqSendException("Cannot open the template's selector: " + ex.getMessage());
			}
			this.thread = new Thread(this::run, this.threadName);
			// the template alone must not keep the JVM alive; the context's shutdown
			// closes it
			this.thread.setDaemon(true);
			this.thread.start();
			this.started = true;
		}
	}

	/**
	 * Stop the thread and wait for it.
	 * @param timeout how long to wait
	 * @return whether it ended in time
	 */
	boolean close(Duration timeout) {
		synchronized (this) {
			this.closing = true;
			if (!this.started) {
				return true;
			}
		}
		this.selector.wakeup();
		try {
			this.thread.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	private void run() {
		try {
			loop();
		}
		catch (IOException | RuntimeException | Error ex) {
			logger.error("Template background thread failed", ex);
		}
		finally {
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the template's selector", ex);
			}
		}
	}

	private void loop() throws IOException {
		boolean idleSignal = false;
		while (!this.closing) {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					// a socket closed or a context terminating under the task: nothing to
					// read any more
					logger.debug("A template background task failed", ex);
				}
			}
			long wake = expire();
			if (idleSignal) {
				// JeroMQ 0.6.0 writes a command's wake-up byte before it counts it, and a
				// socket takes in only the bytes it has counted: a thread woken in
				// between
				// sees the channel readable and nothing to read, and would spin until the
				// writer runs again. Let it run.
				Thread.yield();
			}
			long now = System.nanoTime();
			long millis = (wake == NO_DEADLINE) ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - now) + 1);
			// 0 means no deadline to wake for
			int selected = this.selector.select(millis);
			this.plannedWakeNanos = System.nanoTime();
			idleSignal = selected > 0 && !readSelected();
		}
	}

	private boolean readSelected() {
		boolean progress = false;
		for (SelectionKey key : this.selector.selectedKeys()) {
			try {
				progress |= ((BooleanSupplier) key.attachment()).getAsBoolean();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read a template socket", ex);
				key.cancel();
			}
		}
		this.selector.selectedKeys().clear();
		return progress;
	}

	/**
	 * Handle what is due and plan the next wake-up: publish the plan, then look again, so
	 * a caller that added an earlier deadline meanwhile either sees the plan and wakes
	 * the thread or is seen here.
	 * @return the next deadline, {@link #NO_DEADLINE} for none
	 */
	private long expire() {
		long next = NO_DEADLINE;
		long now = System.nanoTime();
		for (Timed target : this.timed) {
			long deadline = target.nextDeadline();
			if (deadline != NO_DEADLINE && deadline - now <= 0) {
				target.expire(now);
				deadline = target.nextDeadline();
			}
			next = earlier(next, deadline);
		}
		this.plannedWakeNanos = next;
		for (Timed target : this.timed) {
			next = earlier(next, target.nextDeadline());
		}
		return next;
	}

	private static long earlier(long one, long other) {
		if (one == NO_DEADLINE) {
			return other;
		}
		return (other != NO_DEADLINE && other - one < 0) ? other : one;
	}

	/**
	 * Something with deadlines the background thread enforces.
	 */
	interface Timed {

		/**
		 * Return the nearest deadline.
		 * @return in {@link System#nanoTime()} terms, or {@link #NO_DEADLINE}
		 */
		long nextDeadline();

		/**
		 * Handle every deadline that has passed.
		 * @param now the current {@link System#nanoTime()}
		 */
		void expire(long now);

	}

}
