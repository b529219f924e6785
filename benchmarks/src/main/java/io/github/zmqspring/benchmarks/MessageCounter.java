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

package io.github.zmqspring.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the messages a receiver got, so that a streaming benchmark only ends an
 * invocation once every message of it was received (sending alone never counts). One
 * waiting thread at a time.
 *
 * @author zmq-spring contributors
 */
public final class MessageCounter {

	private final AtomicLong received = new AtomicLong();

	private volatile long target = Long.MAX_VALUE;

	private volatile Thread waiter;

	/** The last payload received, kept so the JIT cannot drop the conversion. */
	private volatile Object last;

	/**
	 * Count one received message; called on the receiving thread.
	 * @param payload the converted payload
	 */
	public void received(Object payload) {
		this.last = payload;
		if (this.received.incrementAndGet() >= this.target) {
			Thread current = this.waiter;
			if (current != null) {
				LockSupport.unpark(current);
			}
		}
	}

	/**
	 * Return how many messages were received so far.
	 * @return the count
	 */
	public long get() {
		return this.received.get();
	}

	/**
	 * Return the last payload received.
	 * @return the payload, {@code null} before the first
	 */
	public Object last() {
		return this.last;
	}

	/**
	 * Wait until at least {@code count} messages were received.
	 * @param count the count to reach
	 * @param timeout how long to wait at most
	 * @throws IllegalStateException if the count is not reached in time (messages lost)
	 */
	public void awaitAtLeast(long count, Duration timeout) {
		if (this.received.get() >= count) {
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		this.waiter = Thread.currentThread();
		this.target = count;
		try {
			while (this.received.get() < count) {
				if (System.nanoTime() - deadline >= 0) {
					throw new IllegalStateException("Received " + this.received.get() + " of " + count
							+ " messages within " + timeout.toMillis() + " ms");
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}
		finally {
			this.target = Long.MAX_VALUE;
			this.waiter = null;
		}
	}

	/**
	 * Wait until no message arrived for {@code quiet}, for example after readiness
	 * probes.
	 * @param quiet the quiet period
	 * @return the count then
	 */
	public long awaitQuiet(Duration quiet) {
		long last = -1;
		long now = this.received.get();
		while (now != last) {
			last = now;
			LockSupport.parkNanos(quiet.toNanos());
			now = this.received.get();
		}
		return now;
	}

}
