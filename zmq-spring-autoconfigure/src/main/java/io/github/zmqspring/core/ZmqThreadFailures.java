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

import java.lang.Thread.UncaughtExceptionHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

import io.github.zmqspring.support.LogRateLimiter;

/**
 * What went wrong on JeroMQ's own threads (its I/O threads {@code iothread-N} and its
 * reaper {@code reaper-N}). JeroMQ reports a {@link RuntimeException} that its poller
 * survived to a <em>notification</em> handler and lets anything else (an {@link Error}
 * such as {@link OutOfMemoryError}) end the thread, reporting it to the thread's uncaught
 * exception handler; by default the first goes to {@code System.err} and the second to
 * the JVM's default handler, and nothing else learns that the context lost a thread.
 * {@link #install(ZContext)} replaces both handlers, so that a dead thread is logged at
 * ERROR, remembered here for the health indicator and the actuator endpoint, and passed
 * on to the handler that was there before; notifications are logged at WARN at most once
 * a minute (DEBUG otherwise) and counted.
 * <p>
 * A context with a dead thread does not recover: sockets served by that thread stop
 * moving messages and closing the context cannot finish. Only the thread's name and the
 * error's class are kept, never the error's message.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqThreadFailures {

	private static final Log logger = LogFactory.getLog(ZmqThreadFailures.class);

	private static final Duration NOTIFICATION_WARN_INTERVAL = Duration.ofMinutes(1);

	private static final int MAX_NAME_LENGTH = 64;

	private final List<ThreadFailure> failures = new CopyOnWriteArrayList<>();

	private final AtomicLong notifications = new AtomicLong();

	private final LogRateLimiter notificationLog;

	private final Clock clock;

	/**
	 * Create an empty record.
	 */
	public ZmqThreadFailures() {
		this(Clock.systemUTC());
	}

	ZmqThreadFailures(Clock clock) {
		this.clock = clock;
		this.notificationLog = new LogRateLimiter(NOTIFICATION_WARN_INTERVAL,
				() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
	}

	/**
	 * Install this record's handlers on a context. JeroMQ reads them when the context
	 * creates its threads, with its first socket, and refuses them afterwards.
	 * @param context a context that has not created a socket yet
	 * @throws IllegalStateException if the context already created a socket
	 */
	public void install(ZContext context) {
		UncaughtExceptionHandler previous = context.getUncaughtExceptionHandler();
		context.setUncaughtExceptionHandler((thread, ex) -> threadDied(thread, ex, previous));
		context.setNotificationExceptionHandler(this::notified);
	}

	/**
	 * Return the JeroMQ threads that ended with an exception, in the order they ended.
	 * @return the failures, empty while every thread runs
	 */
	public List<ThreadFailure> getFailures() {
		return List.copyOf(this.failures);
	}

	/**
	 * Return whether a JeroMQ thread ended with an exception.
	 * @return whether there is a failure
	 */
	public boolean hasFailures() {
		return !this.failures.isEmpty();
	}

	/**
	 * Return how many exceptions JeroMQ's threads survived and reported.
	 * @return the number of notifications
	 */
	public long getNotificationCount() {
		return this.notifications.get();
	}

	/**
	 * Return a one-line description of the failures, for log messages.
	 * @return for example {@code iothread-2 (java.lang.OutOfMemoryError)}, or
	 * {@code none}
	 */
	public String describe() {
		List<ThreadFailure> current = getFailures();
		if (current.isEmpty()) {
			return "none";
		}
		return String.join(", ", current.stream().map((f) -> f.thread() + " (" + f.error() + ")").toList());
	}

	void threadDied(Thread thread, Throwable ex, @Nullable UncaughtExceptionHandler previous) {
		ThreadFailure failure = new ThreadFailure(safeName(thread), ex.getClass().getName(), this.clock.instant());
		this.failures.add(failure);
		logger.error("JeroMQ thread " + failure.thread() + " died with " + failure.error()
				+ "; the ZeroMQ context cannot move messages of the sockets it served, and closing it will not "
				+ "finish. Restart the application.", ex);
		if (previous != null) {
			// an application's default handler (for example one that halts the JVM on an
			// OutOfMemoryError) still sees it
			previous.uncaughtException(thread, ex);
		}
	}

	void notified(Thread thread, Throwable ex) {
		this.notifications.incrementAndGet();
		LogRateLimiter.Permit permit = this.notificationLog.tryAcquire("notification");
		if (permit != null) {
			logger.warn("JeroMQ thread " + safeName(thread) + " recovered from " + ex.getClass().getName()
					+ ((permit.suppressed() > 0)
							? " (" + permit.suppressed() + " similar reports logged at DEBUG in the last minute)" : "")
					+ "; further reports within a minute are logged at DEBUG", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("JeroMQ thread " + safeName(thread) + " recovered from " + ex.getClass().getName(), ex);
		}
	}

	// JeroMQ names its threads, but a custom thread factory may not: keep what reaches
	// health details and logs printable and short
	private static String safeName(Thread thread) {
		StringBuilder name = new StringBuilder();
		for (char c : thread.getName().toCharArray()) {
			if (name.length() == MAX_NAME_LENGTH) {
				break;
			}
			name.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return name.toString();
	}

	/**
	 * A JeroMQ thread that ended with an exception.
	 *
	 * @param thread the thread's name, for example {@code iothread-2}
	 * @param error the class of what ended it, for example
	 * {@code java.lang.OutOfMemoryError}
	 * @param time when it ended
	 */
	public record ThreadFailure(String thread, String error, Instant time) {

	}

}
