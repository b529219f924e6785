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

package io.github.zmqspring.support;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Lets at most one log line per key through in each interval, and counts the lines it
 * held back so the next line that passes can say so. Meant for the error paths a peer can
 * drive (a flood of requests that fail, or of garbage): without it each one writes a
 * line, and a peer decides how fast the log grows.
 * <p>
 * Thread-safe and lock-free: a key's window is two atomic longs, and a held-back line
 * costs one map lookup and one increment. It has no thread and does no work between
 * calls. Keys must come from a bounded set (a listener id and a reason, never text from a
 * peer); past {@value #MAX_KEYS} distinct keys, new keys share one window. Internal to
 * zmq-spring.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class LogRateLimiter {

	/**
	 * The interval used unless another is given: one line per key every 10 seconds.
	 */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

	/**
	 * The most keys with a window of their own.
	 */
	public static final int MAX_KEYS = 1024;

	private static final String OVERFLOW_KEY = "\u0000overflow";

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	/**
	 * Create a limiter with the {@linkplain #DEFAULT_INTERVAL default interval}.
	 */
	public LogRateLimiter() {
		this(DEFAULT_INTERVAL);
	}

	/**
	 * Create a limiter with the given interval.
	 * @param interval the shortest time between two lines of one key
	 */
	public LogRateLimiter(Duration interval) {
		this(interval, System::nanoTime);
	}

	/**
	 * Create a limiter with the given interval and clock.
	 * @param interval the shortest time between two lines of one key
	 * @param nanoClock a monotonic clock in nanoseconds, such as
	 * {@link System#nanoTime()}
	 */
	public LogRateLimiter(Duration interval, LongSupplier nanoClock) {
		this.intervalNanos = Math.max(0, interval.toNanos());
		this.nanoClock = nanoClock;
	}

	/**
	 * Log a line of the given key at WARN if the limit lets it through, with the count of
	 * suppressed lines appended, and then the failure's stack trace at DEBUG with every
	 * message in it escaped ({@link LogSanitizer#sanitizeStackTrace}). Nothing is counted
	 * while WARN is off.
	 * @param log where to log
	 * @param key what the line is about, from a bounded set
	 * @param line the line, built only when it is logged; text from peers sanitized
	 * @param failure the failure whose stack trace follows at DEBUG, or {@code null}
	 */
	public void warn(Log log, String key, Supplier<String> line, @Nullable Throwable failure) {
		if (!log.isWarnEnabled()) {
			return;
		}
		Permit permit = tryAcquire(key);
		if (permit == null) {
			return;
		}
		log.warn(line.get() + permit.suffix());
		if (failure != null && log.isDebugEnabled()) {
			log.debug("Stack trace of the failure above", LogSanitizer.sanitizeStackTrace(failure));
		}
	}

	/**
	 * Ask whether a line of the given key may be logged now. When it may not, the line is
	 * counted as suppressed and {@code null} is returned; no object is created.
	 * @param key what the line is about, from a bounded set
	 * @return the permit to log, carrying how many lines were suppressed since the last
	 * one, or {@code null} to skip the line
	 */
	public @Nullable Permit tryAcquire(String key) {
		long now = this.nanoClock.getAsLong();
		Window window = window(key, now);
		long next = window.next.get();
		if (now - next >= 0 && window.next.compareAndSet(next, now + this.intervalNanos)) {
			// only the thread that moved the window on gets here, once per interval
			long suppressed = window.suppressed.getAndSet(0);
			long since = now - window.lastLogged;
			window.lastLogged = now;
			return new Permit(suppressed, Duration.ofNanos(since));
		}
		window.suppressed.incrementAndGet();
		return null;
	}

	private Window window(String key, long now) {
		Window window = this.windows.get(key);
		if (window != null) {
			return window;
		}
		String shared = (this.windows.size() < MAX_KEYS) ? key : OVERFLOW_KEY;
		return this.windows.computeIfAbsent(shared, (ignored) -> new Window(now));
	}

	/**
	 * One key's window: when the next line may pass, and what was held back since the
	 * last one.
	 */
	private static final class Window {

		private final AtomicLong next;

		private final AtomicLong suppressed = new AtomicLong();

		/** Written by the thread holding the permit only; read by the next one. */
		private volatile long lastLogged;

		Window(long now) {
			this.next = new AtomicLong(now);
			this.lastLogged = now;
		}

	}

	/**
	 * Leave to log one line.
	 *
	 * @param suppressed how many lines of the key were suppressed since the last one let
	 * through
	 * @param since how long ago that last line was let through (zero for the first)
	 */
	public record Permit(long suppressed, Duration since) {

		/**
		 * Return the text to append to the line: empty when nothing was suppressed, else
		 * for example {@code " (37 similar suppressed in the last 10s)"}.
		 * @return the suffix
		 */
		public String suffix() {
			if (this.suppressed == 0) {
				return "";
			}
			long seconds = Math.max(1, Math.round(this.since.toMillis() / 1000.0));
			return " (" + this.suppressed + " similar suppressed in the last " + seconds + "s)";
		}

	}

}
